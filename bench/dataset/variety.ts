import { type Rng, createRng } from '../lib/rng.ts';
import type { AssetRow } from './setup.ts';
import type { CellRow } from './simulate.ts';

/**
 * How alike cells are. Hospitals settle like assets with one bulk proposal (all client terminals alike) and
 * deviate on a few: in `realistic` the split, terms, 対象外 and kickoff answers are drawn once per duty and asset
 * category and about one cell in ten (`DEVIATION`) gets its own; `per_cell` (the worst case) draws everything per
 * cell, so no two cells of a duty are alike and the annex cannot collapse anything.
 */
export type CellVariety = 'realistic' | 'per_cell';

export const DEVIATION = 0.1;

export type Variety = {
  mode: CellVariety;
  /** The stream a choice about this cell is drawn from: its group's own (same every time) or the main one. */
  rngFor: (cell: CellRow, what: string) => Rng;
  /** Whether this cell deviates from its group (always true in per_cell). */
  deviates: (cell: CellRow) => boolean;
  /** The key of the cell's group: duty × asset category (engagement-wide cells are their own group). */
  groupOf: (cell: CellRow) => string;
};

/** FNV-1a: a stable 32-bit seed from a group key. */
const seedOf = (s: string, base: number): number => {
  let h = 0x811c9dc5 ^ base;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

export const createVariety = (mode: CellVariety, rng: Rng, seed: number, assetById: ReadonlyMap<string, AssetRow>): Variety => {
  const deviating = new Map<string, boolean>();
  const groupOf = (cell: CellRow) => {
    const asset = cell.assetId ? assetById.get(cell.assetId) : undefined;
    return asset ? `${cell.dutyId}:${asset.category}` : `${cell.dutyId}:${cell.id}`;
  };
  const deviates = (cell: CellRow) => {
    if (mode === 'per_cell') return true;
    let d = deviating.get(cell.id);
    if (d === undefined) deviating.set(cell.id, (d = rng.chance(DEVIATION)));
    return d;
  };
  return {
    mode,
    groupOf,
    deviates,
    // A fresh stream per (group, choice): every cell of the group draws the same values, in any order.
    rngFor: (cell, what) => (deviates(cell) ? rng : createRng(seedOf(`${groupOf(cell)}|${what}`, seed))),
  };
};
