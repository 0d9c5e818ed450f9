import { afterEach, describe, expect, it } from 'vitest';
import { buildAnnex } from '@bunkai/docx';
import type { TAnnexInput } from '@bunkai/docx';
import { isDomainError } from '@bunkai/domain';
import { type AnnexWorkerPool, createAnnexWorkerPool } from '../../src/modules/signoff/index.ts';
import { smallAnnex } from '../../../../packages/docx/src/fixtures/small-annex.ts';

let pool: AnnexWorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const codeOf = (e: unknown) => (isDomainError(e) ? e.code : String(e));

describe('annex worker pool', () => {
  it('builds in worker threads the same bytes as in-process, and reuses its workers', async () => {
    pool = createAnnexWorkerPool({ size: 2 });
    const [a, b, c] = await Promise.all([pool.build(smallAnnex()), pool.build(smallAnnex()), pool.build(smallAnnex())]);
    const direct = await buildAnnex(smallAnnex());
    for (const x of [a, b, c]) expect(Buffer.compare(x, direct)).toBe(0);
    expect(pool.stats()).toMatchObject({ size: 2, workers: 2, busy: 0, queued: 0, built: 3 });
  });

  it('bounds the queue: builds beyond size + maxQueue answer annex_busy, the others complete', async () => {
    pool = createAnnexWorkerPool({ size: 1, maxQueue: 1 });
    const results = await Promise.allSettled([pool.build(smallAnnex()), pool.build(smallAnnex()), pool.build(smallAnnex())]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(codeOf((results[2] as PromiseRejectedResult).reason)).toBe('annex_busy');
    expect(pool.stats().built).toBe(2);
  });

  it('reports a failing build and keeps serving', async () => {
    pool = createAnnexWorkerPool({ size: 1 });
    await expect(pool.build({ engagement: null } as unknown as TAnnexInput)).rejects.toThrow(/annex build failed/);
    expect((await pool.build(smallAnnex())).subarray(0, 2).toString()).toBe('PK');
  });

  it('abandons a build that overruns its time limit (annex_timeout) and starts a fresh worker for the next', async () => {
    pool = createAnnexWorkerPool({ size: 1, timeoutMs: 1 });
    const late = await pool.build(smallAnnex()).catch((e: unknown) => e);
    expect(codeOf(late)).toBe('annex_timeout');
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0 });
  });

  it('rejects queued and new builds once closed', async () => {
    pool = createAnnexWorkerPool({ size: 1 });
    const running = pool.build(smallAnnex()).catch((e: unknown) => e);
    const queued = pool.build(smallAnnex()).catch((e: unknown) => e);
    await pool.close();
    expect(codeOf(await queued)).toBe('annex_unavailable');
    expect(codeOf(await running)).toBe('annex_unavailable');
    expect(codeOf(await pool.build(smallAnnex()).catch((e: unknown) => e))).toBe('annex_unavailable');
  });
});
