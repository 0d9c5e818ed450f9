import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  type TAssetInput,
  type TCreateAssetsRequest,
  type TUpdateAssetRequest,
  conflict,
  isDomainError,
  notFound,
  validationError,
} from '@bunkai/domain';
import { type Db, assets, cells } from '@bunkai/db';
import { type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent, recordEvents } from '../events/index.ts';
import { toAsset } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import { countBy, createPlannedCells } from '../duties/index.ts';
import { deleteCellsWithHistory, engagementDuties, isCellInUse, nextAssetPosition, unknownPartyIds } from './assets-repository.ts';

type Deps = { db: Db; access: EngagementAccessService };


const assertKnownOwners = async (tx: Db, engagementId: string, ownerIds: (string | null | undefined)[]) => {
  const unknown = await unknownPartyIds(tx, engagementId, ownerIds.filter((id): id is string => !!id));
  if (unknown.length)
    throw validationError('unknown_party', `ownerPartyId ${unknown.join(', ')} is not a party of engagement ${engagementId}.`, { partyIds: unknown });
};

/** Refuses to drop cells that carry an agreement or an open proposal. */
const assertCellsFree = (assetId: string, doomed: readonly (typeof cells.$inferSelect)[]) => {
  const inUse = doomed.filter(isCellInUse);
  if (inUse.length)
    throw conflict(
      'asset_in_use',
      `Asset ${assetId} has ${inUse.length} cell(s) that are agreed or under an open proposal; withdraw the proposals first.`,
      { cellIds: inUse.map((c) => c.id) },
    );
};

export const createAssetsService = ({ db, access }: Deps) => {
  /** Loads an asset through its engagement (404 under the asset's own id when the caller cannot see it). */
  const loadAsset = async (actor: Actor, assetId: string, tx: Db) => {
    const [row] = await tx.select().from(assets).where(eq(assets.id, assetId));
    if (!row) throw notFound('Asset', assetId);
    try {
      return { row, a: await access.load(actor, row.engagementId, tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Asset', assetId);
      throw e;
    }
  };

  return {
    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'engagement:read');
      const rows = await db.select().from(assets).where(eq(assets.engagementId, engagementId)).orderBy(asc(assets.position), asc(assets.createdAt));
      return { assets: rows.map(toAsset) };
    },

    /** One asset or up to 1000, all or nothing, with the cells of every duty that applies to them. */
    create: async (actor: Actor, engagementId: string, body: TCreateAssetsRequest) => {
      const inputs: TAssetInput[] = 'assets' in body ? body.assets : [body];
      return db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'asset:write', tx);
        await assertKnownOwners(tx, engagementId, inputs.map((i) => i.ownerPartyId));
        const start = await nextAssetPosition(tx, engagementId);
        const rows: (typeof assets.$inferSelect)[] = [];
        for (let i = 0; i < inputs.length; i += 500) {
          const chunk = inputs.slice(i, i + 500).map((input, j) => ({ engagementId, ...input, position: start + i + j }));
          rows.push(...(await tx.insert(assets).values(chunk).returning()));
        }
        const created = await createPlannedCells(tx, engagementId, await engagementDuties(tx, engagementId), rows, 'assets-only');
        const perAsset = countBy(created, (c) => c.assetId);
        await recordEvents(
          tx,
          a,
          rows.map((r) => ({
            type: 'asset.created',
            subjectId: r.id,
            payload: { name: r.name, category: r.category, ownerPartyId: r.ownerPartyId, cellsCreated: perAsset.get(r.id) ?? 0 },
          })),
        );
        return { assets: rows.map(toAsset), cellsCreated: created.length };
      });
    },

    /** A category change re-plans the asset's cells: missing ones are created, ones no longer applying are dropped when unused. */
    update: async (actor: Actor, assetId: string, input: TUpdateAssetRequest) =>
      db.transaction(async (tx) => {
        const { row: current, a } = await loadAsset(actor, assetId, tx);
        assertPermission(a, 'asset:write');
        const { version, ...fields } = input;
        const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<TAssetInput>;
        await assertKnownOwners(tx, current.engagementId, [changes.ownerPartyId]);
        const [updated] = await tx
          .update(assets)
          .set({ ...changes, version: sql`${assets.version} + 1` })
          .where(and(eq(assets.id, assetId), eq(assets.version, version)))
          .returning();
        if (!updated)
          throw conflict('stale_version', `Asset ${assetId} was changed by someone else (you sent version ${version}); reload it.`, { current: toAsset(current) });
        let cellsCreated = 0;
        let cellsDeleted = 0;
        if (changes.category && changes.category !== current.category) {
          const dutyRows = await engagementDuties(tx, current.engagementId);
          const applying = new Set(dutyRows.filter((d) => d.appliesTo.includes(updated.category)).map((d) => d.id));
          const existing = await tx.select().from(cells).where(eq(cells.assetId, assetId)).for('update');
          const doomed = existing.filter((c) => !applying.has(c.dutyId));
          assertCellsFree(assetId, doomed);
          await deleteCellsWithHistory(tx, doomed.map((c) => c.id));
          cellsDeleted = doomed.length;
          cellsCreated = (await createPlannedCells(tx, current.engagementId, dutyRows, [updated], 'assets-only')).length;
        }
        await recordEvent(tx, a, { type: 'asset.updated', subjectId: assetId, payload: { changes, cellsCreated, cellsDeleted } });
        return { asset: toAsset(updated), cellsCreated, cellsDeleted };
      }),

    /** Owner only; refused while any of its cells is agreed or under an open proposal. */
    remove: async (actor: Actor, assetId: string) =>
      db.transaction(async (tx) => {
        const { row, a } = await loadAsset(actor, assetId, tx);
        assertPermission(a, 'asset:delete');
        // Row locks keep a concurrent proposal from landing on a cell being deleted.
        const assetCells = await tx.select().from(cells).where(eq(cells.assetId, assetId)).for('update');
        assertCellsFree(assetId, assetCells);
        await deleteCellsWithHistory(tx, assetCells.map((c) => c.id));
        await tx.delete(assets).where(inArray(assets.id, [assetId]));
        await recordEvent(tx, a, { type: 'asset.deleted', subjectId: assetId, payload: { name: row.name, category: row.category, cellsDeleted: assetCells.length } });
      }),
  };
};
export type AssetsService = ReturnType<typeof createAssetsService>;
