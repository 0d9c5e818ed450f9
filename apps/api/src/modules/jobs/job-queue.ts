import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, type Db, type JobRow, claimDueJobs, finishJob, insertJob } from '@bunkai/db';
import type { Clock } from '../../platform/clock.ts';

/** What a handler learns about the job it runs. */
export type JobContext = { id: string; kind: string; attempt: number; maxAttempts: number };
export type JobHandler = (payload: Record<string, unknown>, job: JobContext) => Promise<void>;

/** Thrown by a handler when trying again cannot help (e.g. the target is refused): the job fails at once. */
export class PermanentJobError extends Error {}

export type EnqueueJob = {
  kind: string;
  payload: Record<string, unknown>;
  /** Defaults to now (by the queue's clock). */
  runAt?: Date;
  /** Same key, one job: a second enqueue returns null instead of creating another. */
  uniqueKey?: string;
  maxAttempts?: number;
};

export type JobQueueOptions = {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** How often an idle worker looks for due jobs. */
  pollMs: number;
  /** First retry delay; doubles with every failed attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claim holds before another worker may assume this one died. */
  leaseMs?: number;
  batch?: number;
  defaultMaxAttempts?: number;
};

/** Delay before retry number `attempt` (1-based count of failures so far): base · 2^(attempt−1), capped. */
export const backoffDelay = (attempt: number, baseMs: number, maxMs: number) => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * The job queue (ジョブキュー): jobs are rows in PostgreSQL (or PGlite), claimed with
 * FOR UPDATE SKIP LOCKED so that any number of API instances share the work and each
 * job runs once. Failures retry with exponential backoff until `maxAttempts`, then the
 * job is marked failed with its last error. See docs/decisions/0007-job-queue.md.
 */
export const createJobQueue = (o: JobQueueOptions) => {
  const { db } = o.database;
  const backoffMs = o.backoffMs ?? 30_000;
  const maxBackoffMs = o.maxBackoffMs ?? 3_600_000;
  const leaseMs = o.leaseMs ?? 10 * 60_000;
  const batch = o.batch ?? 10;
  const defaultMaxAttempts = o.defaultMaxAttempts ?? 8;
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler>();
  /** Work done at the start of every tick (e.g. turning new events into jobs). */
  const tickTasks: (() => Promise<unknown>)[] = [];
  const channels: { channel: string; coalesceMs: number }[] = [];
  const unlisteners: (() => Promise<void>)[] = [];
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let timer: NodeJS.Timeout | null = null;
  /** When the pending timer fires (ms since epoch, real time like the timer itself). */
  let timerAt = 0;
  let ticking: Promise<void> | null = null;
  let again = false;

  const run = async (job: JobRow) => {
    const handler = handlers.get(job.kind)!;
    const now = () => o.clock.now();
    if (job.attempts > job.maxAttempts) {
      // Only a lease that ran out (a worker died mid-job) gets here.
      await finishJob(db, { id: job.id, workerId, now: now(), outcome: { status: 'failed', error: job.lastError ?? 'lease expired too often' } });
      return;
    }
    try {
      await handler(job.payload, { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.maxAttempts });
      await finishJob(db, { id: job.id, workerId, now: now(), outcome: { status: 'done' } });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      o.log.warn({ err, jobId: job.id, kind: job.kind, attempt: job.attempts }, last ? 'job failed for good' : 'job failed; retrying later');
      const runAt = new Date(now().getTime() + backoffDelay(job.attempts, backoffMs, maxBackoffMs));
      await finishJob(db, { id: job.id, workerId, now: now(), outcome: last ? { status: 'failed', error } : { status: 'pending', error, runAt } });
    }
  };

  /** One pass: tick tasks, then due jobs in batches until none is left. Returns how many jobs ran. */
  const runDue = async (): Promise<number> => {
    for (const task of tickTasks) await task();
    let count = 0;
    for (;;) {
      const claimed = await claimDueJobs(db, { now: o.clock.now(), limit: batch, workerId, leaseMs, kinds: [...handlers.keys()] });
      for (const job of claimed) await run(job);
      count += claimed.length;
      if (claimed.length < batch || state === 'stopped') return count;
    }
  };

  const schedule = (ms: number) => {
    if (state !== 'running') return;
    if (timer) clearTimeout(timer);
    timerAt = Date.now() + ms;
    timer = setTimeout(() => {
      timer = null;
      void tick();
    }, ms);
  };
  /** A tick within `ms`: an earlier one already pending is kept (wake-ups coalesce). */
  const scheduleWithin = (ms: number) => {
    if (timer && timerAt <= Date.now() + ms) return;
    schedule(ms);
  };

  /** One tick at a time per process; a wake-up during a tick asks for another right after it. */
  const tick = async (): Promise<void> => {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = (async () => {
      do {
        again = false;
        try {
          await runDue();
        } catch (err) {
          if (state === 'running') o.log.warn({ err }, 'job worker tick failed');
        }
      } while (again && state === 'running');
    })();
    try {
      await ticking;
    } finally {
      ticking = null;
      // A wake-up that came during the tick keeps its earlier timer.
      scheduleWithin(o.pollMs);
    }
  };

  return {
    register: (kind: string, handler: JobHandler) => {
      if (handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
      handlers.set(kind, handler);
    },
    onTick: (task: () => Promise<unknown>) => void tickTasks.push(task),
    /**
     * A NOTIFY channel whose messages wake the worker before its next poll: within `coalesceMs`, so
     * a burst of messages (an event per write under load) makes one tick, not one tick each.
     */
    wakeOn: (channel: string, coalesceMs = 0) => void channels.push({ channel, coalesceMs }),

    /** Stores a job (in the caller's transaction when given one); null when its unique key already exists. */
    enqueue: async (job: EnqueueJob, tx: Db = db): Promise<JobRow | null> => {
      const row = await insertJob(tx, {
        kind: job.kind,
        payload: job.payload,
        runAt: job.runAt ?? o.clock.now(),
        maxAttempts: job.maxAttempts ?? defaultMaxAttempts,
        uniqueKey: job.uniqueKey,
      });
      // Outside a transaction the job is visible now; inside one the next poll finds it after commit.
      if (row && tx === db) schedule(0);
      return row;
    },

    runDue,
    /** Waits for the worker's pass in progress, then makes one more (tests: "nothing else is due"). */
    drain: async () => {
      await ticking;
      return runDue();
    },
    wake: () => schedule(0),

    start: async () => {
      if (state !== 'idle') return;
      state = 'running';
      for (const { channel, coalesceMs } of channels) unlisteners.push(await o.database.listen(channel, () => scheduleWithin(coalesceMs), () => schedule(0)));
      schedule(0);
    },

    /** Stops polling and waits for the job in progress, so the database can close after it. */
    stop: async () => {
      if (state === 'stopped') return;
      state = 'stopped';
      if (timer) clearTimeout(timer);
      await ticking;
      await Promise.all(unlisteners.map((u) => u().catch(() => {})));
    },
  };
};
export type JobQueue = ReturnType<typeof createJobQueue>;
