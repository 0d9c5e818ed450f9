import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

/** The committed migrations (SQL), read at run time: the same path from `src/` and from a built `dist/`. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * PostgreSQL advisory locks Bunkai takes, as (class, object) pairs. The class
 * is a constant of ours ("Bunk") so the keys cannot collide with another
 * application's locks in a shared database.
 */
const LOCK_CLASS = 0x42756e6b;
export const ADVISORY_LOCKS = { migrate: 1, seed: 2 } as const;
export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/**
 * Runs `fn` with a session-level advisory lock held on one dedicated
 * connection: another instance asking for the same lock waits until this one
 * is done. The session's statement and lock timeouts are lifted for the wait
 * and the work (a migration may rightly take minutes); the connection is then
 * discarded, so those settings never reach the pool.
 */
export const withPgAdvisoryLock = async <T>(pool: pg.Pool, lock: AdvisoryLock, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, ADVISORY_LOCKS[lock]]);
    try {
      return await fn(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, ADVISORY_LOCKS[lock]]).catch((err: Error) => {
        broken = err;
      });
    }
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    // Always destroyed, never returned: an unlock that failed must not leave the lock on a pooled session.
    client.release(broken ?? true);
  }
};

/** Applies the migrations folder on PostgreSQL under the migration lock: instances booting together take turns, the later ones find nothing to do. */
export const migratePostgres = (pool: pg.Pool) =>
  withPgAdvisoryLock(pool, 'migrate', (client) => migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }));

/** PGlite lives inside one process: nothing to lock against. */
export const migrateEmbedded = (client: PGlite) => migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
