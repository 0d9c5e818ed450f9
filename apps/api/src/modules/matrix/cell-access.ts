import { asc, eq } from 'drizzle-orm';
import { type TEngagementPermission, type TParty, isDomainError, notFound } from '@bunkai/domain';
import { type Db, cells, parties, proposals } from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { toParty } from '../../lib/mappers.ts';
import type { Actor } from '../../plugins/auth.ts';

export type CellRow = typeof cells.$inferSelect;

/**
 * Loads cells and proposals *through* their engagement: anything in an
 * engagement the caller is no party to is "not found" under its own name (the
 * engagement id is not revealed), then the permission is checked (403).
 */
export const createCellAccess = (db: Db, access: EngagementAccessService) => {
  const through = async (actor: Actor, engagementId: string, what: string, id: string, permission: TEngagementPermission, tx: Db) => {
    let a: EngagementAccess;
    try {
      a = await access.load(actor, engagementId, tx);
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound(what, id);
      throw e;
    }
    assertPermission(a, permission);
    return a;
  };

  /**
   * With `lock`, the cell row is read `FOR UPDATE` in the same query: writers to one cell go one after
   * the other. (Locking before the access check only makes a caller who gets 404 wait like a writer.)
   */
  const cell = async (actor: Actor, cellId: string, permission: TEngagementPermission, tx: Db = db, lock = false) => {
    const query = tx.select().from(cells).where(eq(cells.id, cellId));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('Cell', cellId);
    const a = await through(actor, row.engagementId, 'Cell', cellId, permission, tx);
    return { access: a, cell: row };
  };

  /**
   * A proposal and its cell; with `lock`, the cell is locked first (found through the proposal in one
   * query) and the proposal read after the lock, so it is the state the previous writer committed.
   */
  const proposal = async (actor: Actor, proposalId: string, permission: TEngagementPermission, tx: Db = db, lock = false) => {
    if (!lock) {
      const [row] = await tx.select().from(proposals).where(eq(proposals.id, proposalId));
      if (!row) throw notFound('Proposal', proposalId);
      const a = await through(actor, row.engagementId, 'Proposal', proposalId, permission, tx);
      const [c] = await tx.select().from(cells).where(eq(cells.id, row.cellId));
      return { access: a, cell: c!, proposal: row };
    }
    const [c] = await tx
      .select()
      .from(cells)
      .where(eq(cells.id, tx.select({ id: proposals.cellId }).from(proposals).where(eq(proposals.id, proposalId))))
      .for('update');
    const [fresh] = c ? await tx.select().from(proposals).where(eq(proposals.id, proposalId)) : [];
    if (!c || !fresh) throw notFound('Proposal', proposalId);
    const a = await through(actor, fresh.engagementId, 'Proposal', proposalId, permission, tx);
    return { access: a, cell: c, proposal: fresh };
  };

  return { cell, proposal };
};
export type CellAccess = ReturnType<typeof createCellAccess>;


export const loadParties = async (tx: Db, engagementId: string): Promise<TParty[]> =>
  (await tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt))).map(toParty);
