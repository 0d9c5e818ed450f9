import { createHash } from 'node:crypto';
import type { Database } from '../../packages/db/src/index.ts';

/**
 * Plain SQL with parameters on either engine, through the driver drizzle wraps
 * (`$client`: a pg Pool or a PGlite instance). The bench writer and the bare
 * baseline use it so they need no driver import of their own.
 */
type Queryable = { query: (text: string | { name: string; text: string; values?: unknown[] }, params?: unknown[]) => Promise<{ rows: unknown[] }> };
type PgPool = Queryable & { connect: () => Promise<Queryable & { release: () => void }> };
type Pglite = Queryable & { transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T> };

export type Raw = {
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** One transaction; `q` runs statements inside it. */
  transaction: <T>(fn: (q: Raw['query']) => Promise<T>) => Promise<T>;
};

const wrap =
  (c: Queryable, prepared = false): Raw['query'] =>
  async <T>(text: string, params?: unknown[]) =>
    (await (prepared ? c.query({ name: nameOf(text), text, values: params ?? [] }) : c.query(text, params))).rows as T[];

const nameOf = (text: string) => `bare_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;

/**
 * `prepared`: on PostgreSQL every statement is a named prepared statement
 * (parsed and planned once per connection), as the API's write path does;
 * for fixed statements only (the bare baseline), not for generated bulk SQL.
 */
export const rawOf = (database: Database, { prepared = false } = {}): Raw => {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.engine === 'pglite') {
    const lite = client as Pglite;
    return { query: wrap(lite), transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))) };
  }
  const pool = client as PgPool;
  return {
    query: wrap(pool, prepared),
    transaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn(wrap(c, prepared));
        await c.query('COMMIT');
        return result;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
  };
};
