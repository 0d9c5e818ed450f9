import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, assets, cells, comments, duties, parties, proposalResponses, proposals } from '@bunkai/db';

export type AssetRow = typeof assets.$inferSelect;
export type CellRow = typeof cells.$inferSelect;

/**
 * A cell is "in use" when deleting it would lose a negotiation that matters:
 * it is or was agreed (an assignment is kept) or a proposal is open on it.
 */
export const isCellInUse = (c: Pick<CellRow, 'status' | 'assignment' | 'openProposalId'>): boolean =>
  c.status === 'agreed' || c.assignment !== null || c.openProposalId !== null;

export const nextAssetPosition = async (tx: Db, engagementId: string): Promise<number> => {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${assets.position}), -1)::int + 1` })
    .from(assets)
    .where(eq(assets.engagementId, engagementId));
  return Number(row?.next ?? 0);
};

/** Party ids among `ids` that are not parties of the engagement. */
export const unknownPartyIds = async (tx: Db, engagementId: string, ids: readonly string[]): Promise<string[]> => {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const found = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.engagementId, engagementId), inArray(parties.id, wanted)));
  const known = new Set(found.map((p) => p.id));
  return wanted.filter((id) => !known.has(id));
};

export const engagementDuties = (tx: Db, engagementId: string) =>
  tx
    .select({ id: duties.id, appliesTo: duties.appliesTo, notApplicableReason: duties.notApplicableReason })
    .from(duties)
    .where(eq(duties.engagementId, engagementId));

/**
 * Deletes cells with what hangs off them (closed proposals and their
 * responses, comments). Callers refuse cells in use first; the history of
 * what happened stays in the event log, which outlives the rows.
 */
export const deleteCellsWithHistory = async (tx: Db, cellIds: readonly string[]) => {
  if (!cellIds.length) return;
  const ids = [...cellIds];
  const proposalIds = tx.select({ id: proposals.id }).from(proposals).where(inArray(proposals.cellId, ids));
  await tx.delete(proposalResponses).where(inArray(proposalResponses.proposalId, proposalIds));
  await tx.delete(proposals).where(inArray(proposals.cellId, ids));
  await tx.delete(comments).where(inArray(comments.cellId, ids));
  await tx.delete(cells).where(inArray(cells.id, ids));
};
