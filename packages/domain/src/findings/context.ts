/**
 * One O(cells) pass that every rule shares: lookups by id, the cells that are
 * in scope and their effective assignment, grouped by asset. Rules then only
 * walk these lists, never the cells once per asset.
 */
import type { TAsset } from '../model/asset.ts';
import type { TAssignment } from '../model/cell.ts';
import type { TDuty } from '../model/duty.ts';
import type { TParty } from '../model/party.ts';
import type { TEngagementSnapshot, TSnapshotCell } from '../model/snapshot.ts';
import type { TFindingSeverity } from '../model/enums.ts';
import type { TLocalized } from '../model/primitives.ts';
import type { TFinding, TFindingCode, TFindingRuleInfo } from './types.ts';

/** An in-scope cell with what the rules need about it. */
export type TScopedCell = {
  cell: TSnapshotCell;
  duty: TDuty;
  /** Null for an engagement-wide cell (or an asset missing from the snapshot). */
  asset: TAsset | null;
  /** Agreed assignment when agreed, else the open proposal's, else null (also when nobody holds a letter). */
  effective: TAssignment | null;
  source: 'agreed' | 'proposal' | null;
};

export type TFindingContext = {
  snapshot: TEngagementSnapshot;
  partyById: ReadonlyMap<string, TParty>;
  assetById: ReadonlyMap<string, TAsset>;
  /** In-scope cells, in snapshot order. */
  cells: readonly TScopedCell[];
  /** In-scope cells per asset id (engagement-wide cells are not in it). */
  cellsByAsset: ReadonlyMap<string, readonly TScopedCell[]>;
};

/**
 * Out of scope for every rule: a cell marked 対象外 (not applicable), a cell of
 * a duty the engagement marked 対象外, and a cell whose duty is not in the
 * snapshot (nothing sensible can be said about it).
 */
export const buildFindingContext = (snapshot: TEngagementSnapshot): TFindingContext => {
  const partyById = new Map(snapshot.parties.map((p) => [p.id, p]));
  const assetById = new Map(snapshot.assets.map((a) => [a.id, a]));
  const dutyById = new Map(snapshot.duties.map((d) => [d.id, d]));
  const cells: TScopedCell[] = [];
  const cellsByAsset = new Map<string, TScopedCell[]>();
  for (const cell of snapshot.cells) {
    if (cell.status === 'not_applicable') continue;
    const duty = dutyById.get(cell.dutyId);
    if (!duty || duty.notApplicableReason !== null) continue;
    const asset = cell.assetId === null ? null : (assetById.get(cell.assetId) ?? null);
    const agreed = cell.status === 'agreed' ? cell.assignment : null;
    const candidate = agreed ?? cell.proposedAssignment ?? null;
    // An assignment in which nobody holds a letter is nobody holding the duty:
    // reported once as `unassigned`, not also as no A and no R.
    const effective = candidate && Object.values(candidate).some((r) => r.length > 0) ? candidate : null;
    const source = effective === null ? null : agreed ? 'agreed' : 'proposal';
    const scoped: TScopedCell = { cell, duty, asset, effective, source };
    cells.push(scoped);
    if (cell.assetId !== null) {
      const list = cellsByAsset.get(cell.assetId);
      if (list) list.push(scoped);
      else cellsByAsset.set(cell.assetId, [scoped]);
    }
  }
  return { snapshot, partyById, assetById, cells, cellsByAsset };
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const sortedUnique = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(byCodeUnits);

/** Builds a finding with sorted, unique subject lists and its stable id. */
export const makeFinding = (
  code: TFindingCode,
  severity: TFindingSeverity,
  primaryIds: readonly string[],
  subjects: { cellIds?: Iterable<string>; assetIds?: Iterable<string>; partyIds?: Iterable<string>; dutyIds?: Iterable<string> },
  message: TLocalized,
): TFinding => ({
  id: `${code}:${sortedUnique(primaryIds).join(',')}`,
  code,
  severity,
  cellIds: sortedUnique(subjects.cellIds ?? []),
  assetIds: sortedUnique(subjects.assetIds ?? []),
  partyIds: sortedUnique(subjects.partyIds ?? []),
  dutyIds: sortedUnique(subjects.dutyIds ?? []),
  message,
});

/** A rule: its legend entry plus the check itself. */
export type TFindingRule = TFindingRuleInfo & { run: (ctx: TFindingContext) => TFinding[] };
