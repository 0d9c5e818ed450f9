import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { authThrottle } from '../schema/index.ts';

/**
 * `backoffAfter`: once the count passes it, every further attempt doubles the window (capped at
 * 2^MAX_DOUBLINGS), so a client that keeps hammering keeps itself out for longer and longer.
 */
type Window = { key: string; windowSeconds: number; now: string; backoffAfter?: number };

const MAX_DOUBLINGS = 6;

/** The window's length in seconds for the row's current count (constant without backoff). */
const windowLength = ({ windowSeconds, backoffAfter }: Omit<Window, 'key' | 'now'>) =>
  backoffAfter === undefined
    ? sql`${windowSeconds}::float8`
    : sql`${windowSeconds}::float8 * power(2, least(greatest(${authThrottle.count} - ${backoffAfter}::int, 0), ${MAX_DOUBLINGS}))`;

/** `now` minus the window, as a timestamptz expression. */
const windowOpenedBefore = (w: Omit<Window, 'key'>) => sql`${w.now}::timestamptz - make_interval(secs => ${windowLength(w)})`;

const hitWindow = async (w: Window, tx: Db): Promise<{ count: number; windowStartMs: number }> => {
  const expired = sql`${authThrottle.windowStart} < ${windowOpenedBefore(w)}`;
  const [row] = await tx
    .insert(authThrottle)
    .values({ key: w.key, windowStart: w.now, count: 1 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${expired} then 1 else ${authThrottle.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${w.now}::timestamptz else ${authThrottle.windowStart} end`,
      },
    })
    .returning({ count: authThrottle.count, windowStartMs: sql<number>`(extract(epoch from ${authThrottle.windowStart}) * 1000)::float8` });
  return row ? { count: row.count, windowStartMs: Number(row.windowStartMs) } : { count: 1, windowStartMs: Date.parse(w.now) };
};

/**
 * Fixed-window attempt counters (sign-in, signing password, the route rate limits), shared by every API instance
 * through the database. `now` comes from the caller's clock.
 */
export const throttleRepository = (db: Db) => ({
  /**
   * Counts one attempt and returns the count including it, in one statement: parallel attempts
   * each see a distinct count, so callers that refuse above the limit let at most `limit` through.
   */
  hit: async (w: Window, tx: Db = db): Promise<number> => (await hitWindow(w, tx)).count,

  /** As `hit`, with the moment (epoch ms) the current window started, for a Retry-After. */
  hitWindow: async (w: Window, tx: Db = db) => hitWindow(w, tx),

  /** Takes back one counted attempt (it succeeded, so it was no abuse). */
  release: async ({ key }: { key: string }, tx: Db = db) => {
    await tx
      .update(authThrottle)
      .set({ count: sql`greatest(${authThrottle.count} - 1, 0)` })
      .where(eq(authThrottle.key, key));
  },

  /** The attempts counted in the current window (0 once it has passed). */
  read: async (w: Window, tx: Db = db): Promise<number> => {
    const [row] = await tx
      .select({ count: authThrottle.count })
      .from(authThrottle)
      .where(and(eq(authThrottle.key, w.key), sql`${authThrottle.windowStart} >= ${windowOpenedBefore(w)}`));
    return row?.count ?? 0;
  },

  clear: async ({ key }: { key: string }, tx: Db = db) => {
    await tx.delete(authThrottle).where(eq(authThrottle.key, key));
  },
});
export type ThrottleRepository = ReturnType<typeof throttleRepository>;
