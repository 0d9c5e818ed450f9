import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { TCellStatus } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { cells, comments, proposalResponses, proposals } from '../schema/index.ts';
type CellRow = typeof cells.$inferSelect;
export type CellInsert = typeof cells.$inferInsert;
export type ProposalInsert = typeof proposals.$inferInsert;

/** Rows per INSERT statement: keeps bulk inserts under PostgreSQL's bind-parameter limit. */
const INSERT_CHUNK = 1000;

const chunked = async <T, R>(rows: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) out.push(...(await run(rows.slice(i, i + INSERT_CHUNK))));
  return out;
};

const bumped = () => ({ version: sql`${cells.version} + 1`, updatedAt: sql`now()` });

/**
 * The cells (分担) as the engagement structure shapes them: created when duties or assets
 * are added, closed or reopened with their duty, deleted with their asset. The negotiation
 * of a cell lives with the cells feature.
 */
export const structureCellsRepository = (db: Db) => ({
  /** Returns the rows in input order; `skipExisting` leaves cells whose (duty, asset) key exists alone (and omits them). */
  insertMany: (values: readonly CellInsert[], opts: { skipExisting?: boolean } = {}, tx: Db = db): Promise<CellRow[]> =>
    chunked(values, (chunk) => (opts.skipExisting ? tx.insert(cells).values(chunk).onConflictDoNothing().returning() : tx.insert(cells).values(chunk).returning())),

  /** Locks the asset's cells (a concurrent proposal must not land on a cell being deleted). */
  lockByAsset: (assetId: string, tx: Db = db) => tx.select().from(cells).where(eq(cells.assetId, assetId)).for('update'),

  /**
   * Deletes cells with what hangs off them (closed proposals and their
   * responses, comments). Callers refuse cells in use first; the history of
   * what happened stays in the event log, which outlives the rows.
   */
  deleteWithHistory: async (cellIds: readonly string[], tx: Db = db) => {
    if (!cellIds.length) return;
    const ids = [...cellIds];
    const proposalIds = tx.select({ id: proposals.id }).from(proposals).where(inArray(proposals.cellId, ids));
    await tx.delete(proposalResponses).where(inArray(proposalResponses.proposalId, proposalIds));
    await tx.delete(proposals).where(inArray(proposals.cellId, ids));
    await tx.delete(comments).where(inArray(comments.cellId, ids));
    await tx.delete(cells).where(inArray(cells.id, ids));
  },

  /** Every cell of the duty, without locking (previews). */
  listOfDuty: (dutyId: string, tx: Db = db) => tx.select().from(cells).where(eq(cells.dutyId, dutyId)).orderBy(asc(cells.id)),

  /** Locks every cell of the duty. */
  lockAllOfDuty: (dutyId: string, tx: Db = db) => tx.select().from(cells).where(eq(cells.dutyId, dutyId)).orderBy(asc(cells.id)).for('update'),

  /** Locks the duty's cells that are neither agreed nor 対象外. */
  lockOpenOfDuty: (dutyId: string, tx: Db = db) =>
    tx
      .select()
      .from(cells)
      .where(and(eq(cells.dutyId, dutyId), notInArray(cells.status, ['agreed', 'not_applicable'])))
      .for('update'),

  /** Locks the duty's cells that are 対象外 for exactly `reason` (the ones a duty-level marking closed). */
  lockClosedByReason: (dutyId: string, reason: string, tx: Db = db) =>
    tx
      .select()
      .from(cells)
      .where(and(eq(cells.dutyId, dutyId), eq(cells.status, 'not_applicable'), eq(cells.notApplicableReason, reason)))
      .for('update'),

  /** Cells 対象外 for `from` now carry `to`; returns their ids. */
  relabelNotApplicable: async (dutyId: string, from: string, to: string, tx: Db = db) =>
    (
      await tx
        .update(cells)
        .set({ notApplicableReason: to, ...bumped() })
        .where(and(eq(cells.dutyId, dutyId), eq(cells.status, 'not_applicable'), eq(cells.notApplicableReason, from)))
        .returning({ id: cells.id })
    ).map((c) => c.id),

  /** Closes cells as 対象外 and detaches their open proposals. */
  markNotApplicable: async (cellIds: readonly string[], reason: string, tx: Db = db) => {
    if (!cellIds.length) return;
    await tx
      .update(cells)
      .set({ status: 'not_applicable', notApplicableReason: reason, openProposalId: null, ...bumped() })
      .where(inArray(cells.id, [...cellIds]));
  },

  /** Moves cells to `status`, clearing a 対象外 reason. */
  setStatus: async (cellIds: readonly string[], status: TCellStatus, tx: Db = db) => {
    if (!cellIds.length) return;
    await tx
      .update(cells)
      .set({ status, notApplicableReason: null, ...bumped() })
      .where(inArray(cells.id, [...cellIds]));
  },

  /** Withdraws those of the proposals that are still open. */
  withdrawOpenProposals: async (proposalIds: readonly string[], tx: Db = db) => {
    if (!proposalIds.length) return;
    await tx
      .update(proposals)
      .set({ status: 'withdrawn', closedAt: sql`now()` })
      .where(and(inArray(proposals.id, [...proposalIds]), eq(proposals.status, 'open')));
  },

  /** Inserts open proposals (template suggestions) and points each cell at its proposal, status "proposed". */
  openSuggestedProposals: async (values: readonly ProposalInsert[], tx: Db = db) => {
    const rows = await chunked(values, (chunk) => tx.insert(proposals).values(chunk).returning({ id: proposals.id, cellId: proposals.cellId }));
    if (rows.length) {
      // One statement sets every suggested cell; the ids are uuids the database just returned.
      const pairs = rows.map((p) => `('${p.cellId}'::uuid, '${p.id}'::uuid)`).join(',');
      await tx.execute(`update cells set status = 'proposed', open_proposal_id = v.pid from (values ${pairs}) as v(cid, pid) where cells.id = v.cid`);
    }
    return rows;
  },
});
export type StructureCellsRepository = ReturnType<typeof structureCellsRepository>;
