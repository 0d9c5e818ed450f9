import { and, asc, eq, sql } from 'drizzle-orm';
import type { TAsset } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { assets } from '../schema/index.ts';

export type AssetRow = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;

export const toAsset = (r: AssetRow): TAsset => ({
  id: r.id,
  engagementId: r.engagementId,
  name: r.name,
  category: r.category,
  ownerPartyId: r.ownerPartyId,
  vendor: r.vendor,
  model: r.model,
  assetVersion: r.assetVersion,
  supportEndsOn: r.supportEndsOn,
  position: r.position,
  version: r.version,
});

/** Fields a PATCH may change on an asset. */
export type AssetChanges = Partial<Pick<AssetInsert, 'name' | 'category' | 'ownerPartyId' | 'vendor' | 'model' | 'assetVersion' | 'supportEndsOn'>>;

/** Rows per INSERT statement: keeps bulk inserts under PostgreSQL's bind-parameter limit. */
const INSERT_CHUNK = 500;

export const assetsRepository = (db: Db) => ({
  /** In display order (position, then creation). */
  listByEngagement: (engagementId: string, tx: Db = db) =>
    tx.select().from(assets).where(eq(assets.engagementId, engagementId)).orderBy(asc(assets.position), asc(assets.createdAt)),

  findById: async (assetId: string, tx: Db = db) => {
    const [row] = await tx.select().from(assets).where(eq(assets.id, assetId));
    return row;
  },

  nextPosition: async (engagementId: string, tx: Db = db): Promise<number> => {
    const [row] = await tx
      .select({ next: sql<number>`coalesce(max(${assets.position}), -1)::int + 1` })
      .from(assets)
      .where(eq(assets.engagementId, engagementId));
    return Number(row?.next ?? 0);
  },

  /** Inserts in input order and returns the rows in that order. */
  insertMany: async (values: readonly AssetInsert[], tx: Db = db) => {
    const rows: AssetRow[] = [];
    for (let i = 0; i < values.length; i += INSERT_CHUNK) rows.push(...(await tx.insert(assets).values(values.slice(i, i + INSERT_CHUNK)).returning()));
    return rows;
  },

  /** Optimistic update: undefined when `version` is no longer current. */
  updateVersioned: async (assetId: string, version: number, changes: AssetChanges, tx: Db = db) => {
    const [row] = await tx
      .update(assets)
      .set({ ...changes, version: sql`${assets.version} + 1` })
      .where(and(eq(assets.id, assetId), eq(assets.version, version)))
      .returning();
    return row;
  },

  /** Callers delete the asset's cells first (see `structureCellsRepository.deleteWithHistory`). */
  delete: (assetId: string, tx: Db = db) => tx.delete(assets).where(eq(assets.id, assetId)),
});
export type AssetsRepository = ReturnType<typeof assetsRepository>;
