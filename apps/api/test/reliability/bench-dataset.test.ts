import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, verifyChain } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';
import { DATASETS, type DatasetInfo, generateDataset } from '../../../../bench/datasets.ts';
import type { AssetRow } from '../../../../bench/dataset/setup.ts';
import type { CellRow } from '../../../../bench/dataset/simulate.ts';
import { createVariety } from '../../../../bench/dataset/variety.ts';
import { createRng } from '../../../../bench/lib/rng.ts';
import { diffReplayWithDatabase } from './replay-check.ts';

/**
 * The benchmark dataset generator (bench/datasets.ts) on this engine, at its
 * tiny size: the same code writes the reference and stress engagements. Its
 * data must be what the API itself would have written — a valid hash chain,
 * cells exactly explained by their events, every status present, revisions
 * frozen by the revisions service. (`pnpm bench --quick` runs the whole harness.)
 */
let database: Database;
let info: DatasetInfo;
beforeAll(async () => {
  database = await createTestDatabase();
  info = await generateDataset(database, DATASETS.tiny);
}, 60_000);
afterAll(() => database.close());

describe('benchmark dataset generator (tiny)', () => {
  it('writes the planned engagement with every cell status, revisions and a valid chain', async () => {
    expect(info.counts).toMatchObject({ parties: 8, revisions: DATASETS.tiny.revisions });
    expect(info.counts.cells).toBeGreaterThan(50);
    expect(info.counts.events).toBeGreaterThanOrEqual(DATASETS.tiny.targetEvents);
    expect(Object.keys(info.cellsByStatus).sort()).toEqual(['agreed', 'disputed', 'not_applicable', 'proposed', 'unassigned']);
    const chain = await verifyChain(database.db, info.engagementId);
    expect(chain).toMatchObject({ ok: true, count: info.counts.events });
  });

  it('leaves cells exactly as a replay of their events says', async () => {
    const replay = await diffReplayWithDatabase(database.db, info.engagementId);
    expect(replay.diffs).toEqual([]);
    expect(replay.unknownCells).toEqual([]);
    expect(replay.cells).toBe(info.counts.cells);
  });
});

describe('cell variety of the benchmark datasets (bench/dataset/variety.ts)', () => {
  const assetById = new Map(Array.from({ length: 200 }, (_, i) => [`a${i}`, { id: `a${i}`, category: i % 2 ? 'client_terminal' : 'server' }] as const));
  const cells = [...assetById.keys()].map((assetId, i) => ({ id: `c${i}`, dutyId: 'd1', assetId }) as unknown as CellRow);
  const draws = (mode: 'realistic' | 'per_cell') => {
    const v = createVariety(mode, createRng(1), 42, assetById as unknown as Map<string, AssetRow>);
    return { v, values: cells.map((c) => v.rngFor(c, 'split').next()) };
  };

  it('realistic: like cells (same duty and asset category) draw the same choice; about one in ten deviates', () => {
    const { v, values } = draws('realistic');
    const deviating = cells.filter((c) => v.deviates(c)).length;
    expect(deviating).toBeGreaterThan(8);
    expect(deviating).toBeLessThan(40);
    const alike = cells.map((c, i) => [c, values[i]!] as const).filter(([c]) => !v.deviates(c));
    expect(new Set(alike.map(([, x]) => x)).size).toBe(2);
  });

  it('per_cell (the worst case): every cell draws its own choice', () => {
    const { values } = draws('per_cell');
    expect(new Set(values).size).toBe(cells.length);
  });
});
