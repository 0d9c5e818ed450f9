import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob, findJobByKey, jobs } from '@bunkai/db';
import { PermanentJobError, backoffDelay } from '../../src/modules/jobs/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { sleep, waitFor } from './wait.ts';

const clock = manualClock('2026-12-01T00:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ JOBS_POLL_MS: '20' }, { clock });
});
afterAll(() => t.close());

const settled = (id: string) => waitFor(`job ${id} to settle`, async () => {
  const job = await findJob(t.database.db, id);
  return job && (job.status === 'done' || job.status === 'failed') ? job : undefined;
});

describe('job queue (ジョブキュー) on the app worker', () => {
  it('enqueues idempotently by unique key and runs the job once with its payload', async () => {
    const seen: unknown[] = [];
    t.app.jobs.register('test.unique', async (payload) => void seen.push(payload));
    const first = await t.app.jobs.enqueue({ kind: 'test.unique', payload: { cell: 'c1' }, uniqueKey: 'reminder:c1:2026-12-01' });
    const second = await t.app.jobs.enqueue({ kind: 'test.unique', payload: { cell: 'other' }, uniqueKey: 'reminder:c1:2026-12-01' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const job = await settled(first!.id);
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(1);
    await t.app.jobs.drain();
    expect(seen).toEqual([{ cell: 'c1' }]);
    expect((await findJobByKey(t.database.db, 'reminder:c1:2026-12-01'))!.id).toBe(first!.id);
  });

  it('waits for run_at by the injected clock', async () => {
    let runs = 0;
    t.app.jobs.register('test.later', async () => void runs++);
    const job = await t.app.jobs.enqueue({ kind: 'test.later', payload: {}, runAt: new Date(clock.now().getTime() + 3_600_000) });
    await t.app.jobs.drain();
    await sleep(60);
    expect(runs).toBe(0);
    expect((await findJob(t.database.db, job!.id))!.status).toBe('pending');
    clock.advance(3_600_000);
    t.app.jobs.wake();
    expect((await settled(job!.id)).status).toBe('done');
    expect(runs).toBe(1);
  });

  it('retries a failing job with exponential backoff, then marks it failed with the last error', async () => {
    const attempts: number[] = [];
    t.app.jobs.register('test.failing', async (_p, job) => {
      attempts.push(job.attempt);
      throw new Error(`SMTP down (attempt ${job.attempt})`);
    });
    const job = (await t.app.jobs.enqueue({ kind: 'test.failing', payload: {}, maxAttempts: 3 }))!;
    const start = clock.now().getTime();
    const afterAttempt = (n: number) => waitFor(`attempt ${n}`, async () => {
      const row = await findJob(t.database.db, job.id);
      return row && row.attempts === n && row.status !== 'running' ? row : undefined;
    });
    let row = await afterAttempt(1);
    expect(row.status).toBe('pending');
    expect(new Date(row.runAt).getTime() - start).toBe(30_000);
    expect(row.lastError).toBe('SMTP down (attempt 1)');
    // Not yet due: a second before the backoff ends nothing runs.
    clock.advance(29_000);
    await t.app.jobs.drain();
    expect(attempts).toEqual([1]);
    clock.advance(1_000);
    t.app.jobs.wake();
    row = await afterAttempt(2);
    expect(row.status).toBe('pending');
    // Doubled: 60 s after the second attempt.
    expect(new Date(row.runAt).getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(60_000);
    t.app.jobs.wake();
    row = await afterAttempt(3);
    expect(row.status).toBe('failed');
    expect(row.lastError).toBe('SMTP down (attempt 3)');
    expect(row.finishedAt).not.toBeNull();
    clock.advance(3_600_000);
    await t.app.jobs.drain();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('succeeds on a retry after a failure', async () => {
    let calls = 0;
    t.app.jobs.register('test.flaky', async () => {
      if (++calls === 1) throw new Error('temporary');
    });
    const job = (await t.app.jobs.enqueue({ kind: 'test.flaky', payload: {} }))!;
    await waitFor('first failure', async () => {
      const row = await findJob(t.database.db, job.id);
      return row?.attempts === 1 && row.status === 'pending';
    });
    clock.advance(30_000);
    t.app.jobs.wake();
    const row = await settled(job.id);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
    expect(calls).toBe(2);
  });

  it('fails at once on a PermanentJobError', async () => {
    t.app.jobs.register('test.permanent', async () => {
      throw new PermanentJobError('target refused');
    });
    const job = (await t.app.jobs.enqueue({ kind: 'test.permanent', payload: {}, maxAttempts: 5 }))!;
    const row = await settled(job.id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe('target refused');
  });

  it('takes over a job whose worker died (lease ran out)', async () => {
    let runs = 0;
    t.app.jobs.register('test.orphan', async () => void runs++);
    const past = new Date(clock.now().getTime() - 1000).toISOString();
    const [row] = await t.database.db
      .insert(jobs)
      .values({ kind: 'test.orphan', payload: {}, runAt: past, maxAttempts: 3, status: 'running', attempts: 1, lockedBy: 'dead-worker', lockedUntil: past })
      .returning();
    t.app.jobs.wake();
    const done = await settled(row!.id);
    expect(done.status).toBe('done');
    expect(done.attempts).toBe(2);
    expect(runs).toBe(1);
  });

  it('leaves kinds it has no handler for alone', async () => {
    const job = (await t.app.jobs.enqueue({ kind: 'test.unknown-kind', payload: {} }))!;
    await t.app.jobs.drain();
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row!.status).toBe('pending');
    expect(row!.attempts).toBe(0);
  });

  it('doubles the backoff per attempt up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 30_000, 100_000))).toEqual([30_000, 60_000, 100_000, 100_000]);
  });
});
