import { asc, eq } from 'drizzle-orm';
import { type TEngagementPermission, type TParty, isDomainError, notFound } from '@bunkai/domain';
import { type Db, cells, parties } from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { toParty } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';

export type CellRow = typeof cells.$inferSelect;

/**
 * Loads cells *through* their engagement: anything in an
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

  return { cell };
};
export type CellAccess = ReturnType<typeof createCellAccess>;


export const loadParties = async (tx: Db, engagementId: string): Promise<TParty[]> =>
  (await tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt))).map(toParty);
