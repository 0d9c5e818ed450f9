import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { startPgliteAutoAnalyze } from './pglite-analyze.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A drizzle database or a transaction on it: every repository function accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export type Database = {
  engine: Engine;
  db: Db;
  /** Applies the committed migrations folder (idempotent). */
  migrate(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL a dedicated connection
   * listens and reconnects by itself; `onReconnect` lets callers catch up on
   * whatever was sent while the connection was down.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
};

export type CreateDbOptions = {
  /** postgres://… selects PostgreSQL via `pg`; absent selects PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` (default) keeps everything in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from a dumped data directory (tests use a migrated template). */
  loadDataDir?: Blob | undefined;
  poolMax?: number | undefined;
  /** How long a PostgreSQL pool client waits for a connection before failing. */
  connectTimeoutMs?: number | undefined;
};

export const createDb = async (options: CreateDbOptions = {}): Promise<Database> =>
  options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);

const withTimeout = async <T>(p: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

const openPglite = async (options: CreateDbOptions): Promise<Database> => {
  const client = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  // No autovacuum in single-user PGlite: keep planner statistics current ourselves.
  const stopAnalyze = startPgliteAutoAnalyze(client);
  return {
    engine: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: async (channel, onMessage) => {
      const unsubscribe = await client.listen(channel, onMessage);
      return async () => unsubscribe();
    },
    ping: async (timeoutMs = 2000) => {
      try {
        await withTimeout(client.query('select 1'), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await stopAnalyze();
      if (!client.closed) await client.close();
    },
  };
};

const openPostgres = async (url: string, options: CreateDbOptions): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  const listeners = new Set<{ stop: () => Promise<void> }>();
  return {
    engine: 'postgres',
    db,
    migrate: () => migratePg(drizzlePg({ client: pool, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: async (channel, onMessage, onReconnect) => {
      const listener = await startPgListener(url, channel, onMessage, onReconnect);
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    ping: async (timeoutMs = 2000) => {
      try {
        await withTimeout(pool.query('select 1'), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.stop()));
      await pool.end();
    },
  };
};

/** A LISTEN connection that survives server restarts (reconnects with backoff). */
const startPgListener = async (
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect?: () => void,
) => {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replace(/"/g, '""')}"`;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => schedule());
    c.on('end', () => schedule());
    await c.connect();
    await c.query(`LISTEN ${quoted}`);
    client = c;
    if (isReconnect) onReconnect?.();
  };
  const schedule = (delay = 500) => {
    if (stopped || retry) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect(true).catch(() => schedule(Math.min(delay * 2, 5000)));
    }, delay);
  };

  await connect(false);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
};
