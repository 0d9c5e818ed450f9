import {
  type TAssetInput,
  type TCreateAssetsRequest,
  type TUpdateAssetRequest,
  conflict,
  isDomainError,
  notFound,
  validationError,
} from '@bunkai/domain';
import { type Db, assetsRepository, dutiesRepository, partiesRepository, structureCellsRepository, toAsset } from '@bunkai/db';
import { type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent, recordEvents } from '../events/index.ts';
import type { Actor } from '../../plugins/auth.ts';
import { countBy, createPlannedCells } from '../duties/index.ts';

type Deps = { db: Db; access: EngagementAccessService };
type CellState = { id: string; status: string; assignment: unknown; openProposalId: string | null };

/**
 * A cell is "in use" when deleting it would lose a negotiation that matters:
 * it is or was agreed (an assignment is kept) or a proposal is open on it.
 */
const isCellInUse = (c: Omit<CellState, 'id'>): boolean => c.status === 'agreed' || c.assignment !== null || c.openProposalId !== null;

/** Refuses to drop cells that carry an agreement or an open proposal. */
const assertCellsFree = (assetId: string, doomed: readonly CellState[]) => {
  const inUse = doomed.filter(isCellInUse);
  if (inUse.length)
    throw conflict(
      'asset_in_use',
      `Asset ${assetId} has ${inUse.length} cell(s) that are agreed or under an open proposal; withdraw the proposals first.`,
      { cellIds: inUse.map((c) => c.id) },
    );
};

export const createAssetsService = ({ db, access }: Deps) => {
  const assetsRepo = assetsRepository(db);
  const dutiesRepo = dutiesRepository(db);
  const partiesRepo = partiesRepository(db);
  const cellsRepo = structureCellsRepository(db);

  const assertKnownOwners = async (tx: Db, engagementId: string, ownerIds: (string | null | undefined)[]) => {
    const unknown = await partiesRepo.unknownIds(engagementId, ownerIds.filter((id): id is string => !!id), tx);
    if (unknown.length)
      throw validationError('unknown_party', `ownerPartyId ${unknown.join(', ')} is not a party of engagement ${engagementId}.`, { partyIds: unknown });
  };

  /** Loads an asset through its engagement (404 under the asset's own id when the caller cannot see it). */
  const loadAsset = async (actor: Actor, assetId: string, tx: Db) => {
    const row = await assetsRepo.findById(assetId, tx);
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
      return { assets: (await assetsRepo.listByEngagement(engagementId)).map(toAsset) };
    },

    /** One asset or up to 1000, all or nothing, with the cells of every duty that applies to them. */
    create: async (actor: Actor, engagementId: string, body: TCreateAssetsRequest) => {
      const inputs: TAssetInput[] = 'assets' in body ? body.assets : [body];
      return db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'asset:write', tx);
        await assertKnownOwners(tx, engagementId, inputs.map((i) => i.ownerPartyId));
        const start = await assetsRepo.nextPosition(engagementId, tx);
        const rows = await assetsRepo.insertMany(inputs.map((input, i) => ({ engagementId, ...input, position: start + i })), tx);
        const created = await createPlannedCells(tx, engagementId, await dutiesRepo.listForPlanning(engagementId, tx), rows, 'assets-only');
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
        // Only the fields sent are present (the request schema leaves absent fields out).
        const { version, ...changes } = input;
        await assertKnownOwners(tx, current.engagementId, [changes.ownerPartyId]);
        const updated = await assetsRepo.updateVersioned(assetId, version, changes, tx);
        if (!updated)
          throw conflict('stale_version', `Asset ${assetId} was changed by someone else (you sent version ${version}); reload it.`, { current: toAsset(current) });
        let cellsCreated = 0;
        let cellsDeleted = 0;
        if (changes.category && changes.category !== current.category) {
          const dutyRows = await dutiesRepo.listForPlanning(current.engagementId, tx);
          const applying = new Set(dutyRows.filter((d) => d.appliesTo.includes(updated.category)).map((d) => d.id));
          const existing = await cellsRepo.lockByAsset(assetId, tx);
          const doomed = existing.filter((c) => !applying.has(c.dutyId));
          assertCellsFree(assetId, doomed);
          await cellsRepo.deleteWithHistory(doomed.map((c) => c.id), tx);
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
        const assetCells = await cellsRepo.lockByAsset(assetId, tx);
        assertCellsFree(assetId, assetCells);
        await cellsRepo.deleteWithHistory(assetCells.map((c) => c.id), tx);
        await assetsRepo.delete(assetId, tx);
        await recordEvent(tx, a, { type: 'asset.deleted', subjectId: assetId, payload: { name: row.name, category: row.category, cellsDeleted: assetCells.length } });
      }),
  };
};
export type AssetsService = ReturnType<typeof createAssetsService>;
