import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  type TBulkProposeRequest,
  type TBulkProposeResponse,
  type TCellStatus,
  type TTerms,
  assertValidAssignment,
  nextCellStatus,
  validationError,
} from '@bunkai/domain';
import { type Db, cells, proposals } from '@bunkai/db';
import { type EngagementAccessService, ownParty } from '../../access/engagement-access.ts';
import { type EventSpec, recordEvents } from '../events/index.ts';
import type { Actor } from '../../plugins/auth.ts';
import { type CellRow, loadParties } from '../matrix/cell-access.ts';
import { type ProposalRow, acceptanceState } from '../matrix/proposal-state.ts';
import { proposalPayload } from './negotiation-repository.ts';

type Deps = { db: Db; access: EngagementAccessService };
type Planned = { cell: CellRow; open: ProposalRow | null; status: TCellStatus; terms: TTerms };

const CHUNK = 1000;
const chunks = <T>(rows: readonly T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * 一括提案: the same split for many cells (e.g. every client terminal) in one
 * transaction, all or nothing. Cells of another engagement (or unknown) and
 * 対象外 cells are refused together with a list, never skipped. Open
 * proposals are countered exactly as a single proposal would counter them.
 */
export const createBulkProposals =
  ({ db, access }: Deps) =>
  (actor: Actor, engagementId: string, input: TBulkProposeRequest): Promise<TBulkProposeResponse> =>
    db.transaction(async (tx) => {
      const a = await access.require(actor, engagementId, 'cell:propose', tx);
      const party = ownParty(a);
      const parties = await loadParties(tx, engagementId);
      const assignment = assertValidAssignment(input.assignment, parties);
      // Locked in id order, so two bulk proposals over overlapping cells cannot deadlock.
      const rows: CellRow[] = [];
      for (const ids of chunks(input.cellIds))
        rows.push(...(await tx.select().from(cells).where(and(eq(cells.engagementId, engagementId), inArray(cells.id, ids))).orderBy(asc(cells.id)).for('update')));
      const found = new Set(rows.map((r) => r.id));
      const notInEngagement = input.cellIds.filter((id) => !found.has(id));
      const notApplicable = rows.filter((r) => r.status === 'not_applicable').map((r) => r.id);
      if (notInEngagement.length > 0 || notApplicable.length > 0)
        throw validationError(
          'invalid_bulk_cells',
          `Nothing was proposed: ${notInEngagement.length} cell(s) are not in engagement ${engagementId} and ${notApplicable.length} are marked not applicable.`,
          { notInEngagement, notApplicable },
        );

      const openIds = rows.flatMap((r) => (r.openProposalId ? [r.openProposalId] : []));
      const openById = new Map<string, ProposalRow>();
      for (const ids of chunks(openIds)) {
        for (const p of await tx.select().from(proposals).where(inArray(proposals.id, ids))) openById.set(p.id, p);
        await tx.update(proposals).set({ status: 'superseded', closedAt: sql`now()` }).where(and(inArray(proposals.id, ids), eq(proposals.status, 'open')));
      }
      const immediate = acceptanceState({ assignment, suggested: false, proposerPartyId: party.id }, [], parties).agreed;
      const plan: Planned[] = rows.map((cell) => {
        const open = cell.openProposalId ? (openById.get(cell.openProposalId) ?? null) : null;
        const ctx = { hasAgreedAssignment: cell.assignment !== null };
        const proposed = nextCellStatus(cell.status as TCellStatus, 'propose', ctx);
        return { cell, open, status: immediate ? nextCellStatus(proposed, 'agree', ctx) : proposed, terms: input.terms ?? open?.terms ?? cell.terms };
      });

      const byCell = new Map<string, ProposalRow>();
      for (const part of chunks(plan)) {
        const inserted = await tx
          .insert(proposals)
          .values(
            part.map((p) => ({
              cellId: p.cell.id,
              engagementId,
              proposerPartyId: party.id,
              proposerUserId: actor.userId,
              assignment,
              terms: p.terms,
              reason: input.reason,
              supersedesId: p.open?.id ?? null,
              ...(immediate ? { status: 'agreed' as const, closedAt: sql`now()` } : {}),
            })),
          )
          .returning();
        for (const p of inserted) byCell.set(p.cellId, p);
        // One statement per chunk updates every cell with its own proposal id, status and terms.
        const values = sql.join(
          part.map((p) => sql`(${p.cell.id}::uuid, ${byCell.get(p.cell.id)!.id}::uuid, ${p.status}::text, ${JSON.stringify(p.terms)}::jsonb)`),
          sql`, `,
        );
        await tx.execute(
          immediate
            ? sql`update cells set status = v.status, open_proposal_id = null, assignment = ${JSON.stringify(assignment)}::jsonb, terms = v.terms, version = cells.version + 1, updated_at = now() from (values ${values}) as v(cid, pid, status, terms) where cells.id = v.cid`
            : sql`update cells set status = v.status, open_proposal_id = v.pid, version = cells.version + 1, updated_at = now() from (values ${values}) as v(cid, pid, status, terms) where cells.id = v.cid`,
        );
      }

      const events: EventSpec[] = plan.flatMap((p) => {
        const proposal = byCell.get(p.cell.id)!;
        const cellVersion = p.cell.version + 1;
        const created: EventSpec = {
          type: p.open ? 'proposal.countered' : 'proposal.created',
          subjectId: p.cell.id,
          payload: { ...proposalPayload(proposal), cellVersion, bulk: true },
        };
        if (!immediate) return [created];
        return [created, { type: 'cell.agreed', subjectId: p.cell.id, payload: { cellId: p.cell.id, proposalId: proposal.id, assignment, terms: p.terms, cellVersion } }];
      });
      await recordEvents(tx, a, events);

      const planByCell = new Map(plan.map((p) => [p.cell.id, p]));
      return {
        results: input.cellIds.map((cellId) => {
          const p = planByCell.get(cellId)!;
          return {
            cellId,
            proposalId: byCell.get(cellId)!.id,
            supersededId: p.open?.id ?? null,
            status: p.status as 'proposed' | 'agreed',
            version: p.cell.version + 1,
          };
        }),
      };
    });
