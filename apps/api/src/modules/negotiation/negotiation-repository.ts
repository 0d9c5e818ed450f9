import { and, eq, sql } from 'drizzle-orm';
import { type TAcceptanceParty, type TCellWithProposal, conflict } from '@bunkai/domain';
import { type Db, cells, proposals } from '@bunkai/db';
import type { CellRow } from '../matrix/cell-access.ts';
import { loadCellState } from '../matrix/matrix-repository.ts';
import type { ProposalRow } from '../matrix/proposal-state.ts';

type CellSet = Partial<Pick<CellRow, 'status' | 'assignment' | 'terms' | 'openProposalId' | 'notApplicableReason'>> &
  Partial<Pick<CellRow, 'firstCheckAnswer' | 'firstCheckOn' | 'completedOn' | 'kickoffNotes'>>;

/** 409 `stale_version` carrying the cell as it is now (`current`, with its open proposal). */
export const staleVersionError = (current: TCellWithProposal, sentVersion: number) =>
  conflict('stale_version', `Cell ${current.id} was changed by someone else (you sent version ${sentVersion}, it is at ${current.version}); reload it.`, { current });

/** The same, reading the cell's open proposal first. */
export const staleCell = async (tx: Db, cell: CellRow, sentVersion: number, parties: readonly TAcceptanceParty[]) =>
  staleVersionError(await loadCellState(tx, cell, parties), sentVersion);

/**
 * Writes a cell change and bumps its version, guarded by the version read
 * under the row lock: every change to a cell is a new version.
 */
export const updateCell = async (tx: Db, cell: CellRow, set: CellSet): Promise<CellRow> => {
  const [row] = await tx
    .update(cells)
    .set({ ...set, version: sql`${cells.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cells.id, cell.id), eq(cells.version, cell.version)))
    .returning();
  if (!row) throw conflict('stale_version', `Cell ${cell.id} was changed concurrently; reload it.`);
  return row;
};

/** Closes a proposal (agreed, superseded, withdrawn) if it is still open. */
export const closeProposal = async (tx: Db, proposalId: string, status: 'agreed' | 'superseded' | 'withdrawn'): Promise<ProposalRow> => {
  const [row] = await tx
    .update(proposals)
    .set({ status, closedAt: sql`now()` })
    .where(and(eq(proposals.id, proposalId), eq(proposals.status, 'open')))
    .returning();
  if (!row) throw conflict('proposal_closed', `Proposal ${proposalId} is no longer open.`);
  return row;
};

/** Payload fields every proposal event carries, so the log can be replayed. */
export const proposalPayload = (p: Pick<ProposalRow, 'id' | 'cellId' | 'proposerPartyId' | 'suggested' | 'supersedesId' | 'assignment' | 'terms' | 'reason'>) => ({
  proposalId: p.id,
  cellId: p.cellId,
  proposerPartyId: p.proposerPartyId,
  suggested: p.suggested,
  supersedesId: p.supersedesId,
  assignment: p.assignment,
  terms: p.terms,
  reason: p.reason,
});
