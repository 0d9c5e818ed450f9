import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, verifyChain } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';
import { DATASETS, type DatasetInfo, generateDataset } from '../../../../bench/datasets.ts';
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
