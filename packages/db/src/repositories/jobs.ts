import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { jobs } from '../schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  maxAttempts: number;
  uniqueKey?: string | null | undefined;
};

/** Inserts a job; with a unique key already taken nothing is inserted and null is returned (idempotent enqueue). */
export const insertJob = async (db: Db, job: NewJob): Promise<JobRow | null> => {
  const [row] = await db
    .insert(jobs)
    .values({ kind: job.kind, payload: job.payload, runAt: job.runAt.toISOString(), maxAttempts: job.maxAttempts, uniqueKey: job.uniqueKey ?? null })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .returning();
  return row ?? null;
};

/**
 * Claims up to `limit` due jobs for one worker: pending ones whose time has come and
 * running ones whose lease ran out (their worker died). SKIP LOCKED lets several
 * workers claim concurrently without waiting on, or taking, each other's rows.
 */
export const claimDueJobs = async (db: Db, args: { now: Date; limit: number; workerId: string; leaseMs: number; kinds: string[] }): Promise<JobRow[]> => {
  if (!args.kinds.length) return [];
  const now = args.now.toISOString();
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        // A process only takes the kinds it can run (during a rolling deploy, older ones leave newer kinds alone).
        inArray(jobs.kind, args.kinds),
        or(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)), and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now))),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(args.limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: args.workerId,
      lockedUntil: new Date(args.now.getTime() + args.leaseMs).toISOString(),
    })
    .where(inArray(jobs.id, due))
    .returning();
};

/** Ends a claimed job; only the worker holding the claim may (a job taken over after a lease ran out stays with its new worker). */
export const finishJob = async (db: Db, args: { id: string; workerId: string; now: Date; outcome: { status: 'done' } | { status: 'failed' | 'pending'; error: string; runAt?: Date } }) => {
  const o = args.outcome;
  await db
    .update(jobs)
    .set(
      o.status === 'done'
        ? { status: 'done', finishedAt: args.now.toISOString(), lockedBy: null, lockedUntil: null }
        : o.status === 'failed'
          ? { status: 'failed', finishedAt: args.now.toISOString(), lastError: o.error, lockedBy: null, lockedUntil: null }
          : { status: 'pending', runAt: (o.runAt ?? args.now).toISOString(), lastError: o.error, lockedBy: null, lockedUntil: null },
    )
    .where(and(eq(jobs.id, args.id), eq(jobs.lockedBy, args.workerId)));
};

export const findJob = async (db: Db, id: string): Promise<JobRow | null> => (await db.select().from(jobs).where(eq(jobs.id, id)))[0] ?? null;

export const findJobByKey = async (db: Db, uniqueKey: string): Promise<JobRow | null> =>
  (await db.select().from(jobs).where(eq(jobs.uniqueKey, uniqueKey)))[0] ?? null;
