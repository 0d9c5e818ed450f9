import type { TAssetCategory } from '../model/enums.ts';

/**
 * Which cells a set of duties and assets make: a duty applying to asset
 * categories gets one cell per asset of those categories; an engagement-wide
 * duty (no categories) gets one cell with no asset.
 */
export type TCellKey = { dutyId: string; assetId: string | null };

export const planCells = (
  duties: readonly { id: string; appliesTo: readonly string[] }[],
  assets: readonly { id: string; category: TAssetCategory | string }[],
): TCellKey[] => {
  const byCategory = new Map<string, string[]>();
  for (const a of assets) {
    const list = byCategory.get(a.category);
    if (list) list.push(a.id);
    else byCategory.set(a.category, [a.id]);
  }
  const cells: TCellKey[] = [];
  for (const d of duties) {
    if (d.appliesTo.length === 0) {
      cells.push({ dutyId: d.id, assetId: null });
      continue;
    }
    for (const category of new Set(d.appliesTo)) for (const assetId of byCategory.get(category) ?? []) cells.push({ dutyId: d.id, assetId });
  }
  return cells;
};

export const cellKey = (k: TCellKey): string => `${k.dutyId}:${k.assetId ?? '-'}`;
