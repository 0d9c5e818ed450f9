import { and, asc, count, eq } from 'drizzle-orm';
import {
  FINDING_CODES,
  type TAcceptanceParty,
  type TCellWithProposal,
  type TFinding,
  type TFindingCode,
  type TMatrixCell,
  computeFindings,
  withOpenProposal,
} from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { comments, eventHeads, proposalResponses, proposals } from '../schema/index.ts';
import { type CellRow, type ProposalResponseRow, type ProposalRow, toCell } from './cells.ts';
import { loadSnapshot } from './snapshot.ts';

export type OpenProposal = { proposal: ProposalRow; responses: ProposalResponseRow[] };

/** Every open proposal of an engagement with its responses (oldest first), in two queries. */
export const loadOpenProposals = async ({ engagementId }: { engagementId: string }, db: Db): Promise<Map<string, OpenProposal>> => {
  const open = and(eq(proposals.engagementId, engagementId), eq(proposals.status, 'open'));
  const [rows, responses] = await Promise.all([
    db.select().from(proposals).where(open),
    db
      .select({ r: proposalResponses })
      .from(proposalResponses)
      .innerJoin(proposals, eq(proposalResponses.proposalId, proposals.id))
      .where(open)
      .orderBy(asc(proposalResponses.createdAt), asc(proposalResponses.id)),
  ]);
  const byId = new Map<string, OpenProposal>(rows.map((p) => [p.id, { proposal: p, responses: [] }]));
  for (const { r } of responses) byId.get(r.proposalId)?.responses.push(r);
  return byId;
};

/** One proposal with its responses, oldest first. */
export const loadProposalWithResponses = async ({ proposalId }: { proposalId: string }, tx: Db): Promise<OpenProposal | null> => {
  const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, proposalId));
  if (!proposal) return null;
  const responses = await tx
    .select()
    .from(proposalResponses)
    .where(eq(proposalResponses.proposalId, proposalId))
    .orderBy(asc(proposalResponses.createdAt), asc(proposalResponses.id));
  return { proposal, responses };
};

/** A cell row with its open proposal, as mutations answer it. */
export const loadCellState = async ({ cell, parties }: { cell: CellRow; parties: readonly TAcceptanceParty[] }, tx: Db): Promise<TCellWithProposal> =>
  withOpenProposal(toCell(cell), cell.openProposalId ? await loadProposalWithResponses({ proposalId: cell.openProposalId }, tx) : null, parties);

/** How many comments a cell has. */
export const countComments = async ({ cellId }: { cellId: string }, db: Db): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(comments).where(eq(comments.cellId, cellId));
  return row?.n ?? 0;
};

const CODE_RANK = new Map<TFindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

/** cell id → codes of the findings naming it, in FINDING_CODES order. */
export const findingCodesByCell = (findings: readonly TFinding[]): Map<string, TFindingCode[]> => {
  const sets = new Map<string, Set<TFindingCode>>();
  for (const f of findings) {
    for (const id of f.cellIds) {
      const set = sets.get(id);
      if (set) set.add(f.code);
      else sets.set(id, new Set([f.code]));
    }
  }
  return new Map([...sets].map(([id, s]) => [id, [...s].sort((a, b) => (CODE_RANK.get(a) ?? 0) - (CODE_RANK.get(b) ?? 0))]));
};

/**
 * The whole matrix in a fixed handful of queries (the snapshot loader's plus
 * two for open proposals and their responses), never one per cell; cells come
 * in 確認表 order. The reads run in parallel on the pool rather than in one
 * transaction: a cell whose open proposal closed between the reads shows no
 * open proposal, and the next read (or live update) settles it.
 */
export const loadMatrix = async ({ engagementId, today }: { engagementId: string; today?: string }, db: Db) => {
  const [{ snapshot, engagement, cells }, open] = await Promise.all([loadSnapshot(db, engagementId, today), loadOpenProposals({ engagementId }, db)]);
  const findings = computeFindings(snapshot);
  const codes = findingCodesByCell(findings);
  const matrixCells: TMatrixCell[] = cells.map((c) => ({
    ...withOpenProposal(c, c.openProposalId ? open.get(c.openProposalId) : null, snapshot.parties),
    findingCodes: codes.get(c.id) ?? [],
  }));
  return { snapshot, engagement, findings, cells: matrixCells };
};

export type LoadedMatrix = Awaited<ReturnType<typeof loadMatrix>>;

/**
 * A version of everything `loadMatrix` reads, in one primary-key lookup: the
 * sequence number of the engagement's newest event (its chain head). Every
 * mutation of an engagement appends its events in the same transaction
 * (decision 0003), so a matrix loaded after reading `n` here is at least as
 * new as `n`, and it cannot have changed while this still reads `n`.
 * 0 for an engagement without events.
 */
export const readMatrixVersion = async ({ engagementId }: { engagementId: string }, db: Db): Promise<number> => {
  const [row] = await db.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId));
  return row?.seq ?? 0;
};
