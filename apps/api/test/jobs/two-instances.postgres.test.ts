import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb, findJob } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { sleep, waitFor } from './wait.ts';

/*
 * PostgreSQL only (PGlite lives inside one process): two API instances, each with
 * its own pool and worker loop, share one jobs table. Each job must run once.
 */
const clock = manualClock('2026-12-01T00:00:00.000Z');
let t: TestApp;
let second: FastifyInstance;
let secondDb: Database;
beforeAll(async () => {
  t = await createTestApp({ JOBS_POLL_MS: '10' }, { clock });
  const url = (t.database as Database & { url?: string }).url;
  expect(url).toMatch(/^postgres:/);
  secondDb = await createDb({ databaseUrl: url });
  second = await buildApp({ database: secondDb, config: t.config, logger: false, clock });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await t.close();
});
const apps = () => [t.app, second];

describe('job queue with two API instances on one PostgreSQL', () => {
  it('runs every job exactly once, whichever instance enqueued or claimed it', async () => {
    const runs = new Map<string, string[]>();
    for (const [i, app] of apps().entries())
      app.jobs.register('test.once', async (payload) => {
        const key = String(payload.n);
        runs.set(key, [...(runs.get(key) ?? []), `instance-${i}`]);
        // Long enough for the other worker to poll meanwhile.
        await sleep(5);
      });
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) ids.push((await apps()[n % 2]!.jobs.enqueue({ kind: 'test.once', payload: { n } }))!.id);
    // The same reminder enqueued by both instances at once: one job.
    const dup = await Promise.all(apps().map((app) => app.jobs.enqueue({ kind: 'test.once', payload: { n: 'reminder' }, uniqueKey: 'reminder:cell-1:2026-12-01' })));
    expect(dup.filter(Boolean)).toHaveLength(1);
    ids.push(dup.find(Boolean)!.id);
    for (const id of ids) await waitFor(`job ${id}`, async () => (await findJob(t.database.db, id))?.status === 'done', 20_000);
    await Promise.all(apps().map((app) => app.jobs.drain()));
    expect(runs.size).toBe(41);
    expect([...runs.values()].every((r) => r.length === 1)).toBe(true);
  });

  it('retries a failing job with backoff on either instance, then marks it failed', async () => {
    const calls: string[] = [];
    for (const [i, app] of apps().entries())
      app.jobs.register('test.broken', async () => {
        calls.push(`instance-${i}`);
        throw new Error('receiver down');
      });
    const job = (await t.app.jobs.enqueue({ kind: 'test.broken', payload: {}, maxAttempts: 2 }))!;
    const first = await waitFor('first attempt', async () => {
      const r = await findJob(t.database.db, job.id);
      return r?.attempts === 1 && r.status === 'pending' ? r : undefined;
    });
    expect(new Date(first.runAt).getTime() - clock.now().getTime()).toBe(30_000);
    await Promise.all(apps().map((app) => app.jobs.drain()));
    expect(calls).toHaveLength(1);
    clock.advance(30_000);
    for (const app of apps()) app.jobs.wake();
    const last = await waitFor('failed', async () => {
      const r = await findJob(t.database.db, job.id);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(last.attempts).toBe(2);
    expect(last.lastError).toBe('receiver down');
    clock.advance(3_600_000);
    await Promise.all(apps().map((app) => app.jobs.drain()));
    expect(calls).toHaveLength(2);
  });
});
