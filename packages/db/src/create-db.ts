import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { consoleDbLogger, type DbLogger } from './db-logger.ts';
import { type AdvisoryLock, migrateEmbedded, migratePostgres, withPgAdvisoryLock } from './migrate.ts';
import { type PgListener, startPgListener } from './pg-listener.ts';
import { startPgliteAutoAnalyze } from './pglite-analyze.ts';
import * as schema from './schema/index.ts';

export { MIGRATIONS_FOLDER } from './migrate.ts';
export type { AdvisoryLock } from './migrate.ts';
export type { DbLogger } from './db-logger.ts';

export type Schema = typeof schema;
/** A drizzle database or a transaction on it: every repository function accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  engine: Engine;
  db: Db;
  /** Applies the committed migrations folder (idempotent; on PostgreSQL under an advisory lock, so instances may boot together). */
  migrate(): Promise<void>;
  /** Runs `fn` while holding a cluster-wide advisory lock (PostgreSQL); PGlite, being in one process, just runs it. */
  withLock<T>(lock: AdvisoryLock, fn: () => Promise<T>): Promise<T>;
  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL a dedicated connection
   * listens and reconnects by itself; `onReconnect` lets callers catch up on
   * whatever was sent while the connection was down.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** True when at least one LISTEN is open and every one of them is connected (readiness). */
  listening(): boolean;
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
  /** PostgreSQL pool size (default 10). */
  poolMax?: number | undefined;
  /** How long a PostgreSQL pool client waits for a connection before failing. */
  connectTimeoutMs?: number | undefined;
  /**
   * PostgreSQL session limits on every pooled connection (ms; 0 disables). A
   * stuck statement or a transaction left open would otherwise hold the
   * engagement's lock, and every writer of that engagement would queue behind it.
   */
  statementTimeoutMs?: number | undefined;
  lockTimeoutMs?: number | undefined;
  idleInTransactionTimeoutMs?: number | undefined;
  /** Where pool and LISTEN errors go (the API passes its pino logger). */
  log?: DbLogger | undefined;
};

/** Defaults for the PostgreSQL session limits; the API's config overrides them (DB_STATEMENT_TIMEOUT_MS, …). */
export const DB_TIMEOUT_DEFAULTS = { statementTimeoutMs: 30_000, lockTimeoutMs: 10_000, idleInTransactionTimeoutMs: 60_000 } as const;

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
  // PGlite creates only the last directory of the path; an operator's pglite:///var/lib/bunkai/pglite may be the first start.
  if (options.dataDir && !/^[a-z]+:\/\//.test(options.dataDir)) mkdirSync(dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  // No autovacuum in single-user PGlite: keep planner statistics current ourselves.
  const stopAnalyze = startPgliteAutoAnalyze(client);
  let listeners = 0;
  return {
    engine: 'pglite',
    db,
    migrate: async () => {
      await migrateEmbedded(client);
    },
    withLock: (_lock, fn) => fn(),
    listen: async (channel, onMessage) => {
      const unsubscribe = await client.listen(channel, onMessage);
      listeners += 1;
      return async () => {
        listeners -= 1;
        await unsubscribe();
      };
    },
    listening: () => listeners > 0 && !client.closed,
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
  const log = options.log ?? consoleDbLogger;
  const limits = { ...DB_TIMEOUT_DEFAULTS, ...definedOnly(options) };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    application_name: 'bunkai',
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
  });
  // An idle client losing its connection (server restart) must not crash the process, but it must be seen.
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL connection failed (the pool replaces it)'));
  // pg-pool listens for errors only on idle clients: a checked-out client whose connection drops between two
  // statements (inside a transaction, holding an advisory lock) would emit 'error' with no listener and crash
  // the process. The statement in flight fails on its own; this only keeps the process alive and says why.
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err }, 'PostgreSQL connection lost while in use'));
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  const listeners = new Set<PgListener>();
  return {
    engine: 'postgres',
    db,
    migrate: async () => {
      await migratePostgres(pool);
    },
    withLock: (lock, fn) => withPgAdvisoryLock(pool, lock, () => fn()),
    listening: () => listeners.size > 0 && [...listeners].every((l) => l.connected()),
    listen: async (channel, onMessage, onReconnect) => {
      const listener = await startPgListener(url, channel, onMessage, onReconnect, log);
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

const definedOnly = (o: CreateDbOptions) =>
  Object.fromEntries(
    (['statementTimeoutMs', 'lockTimeoutMs', 'idleInTransactionTimeoutMs'] as const).filter((k) => o[k] !== undefined).map((k) => [k, o[k]]),
  ) as Partial<typeof DB_TIMEOUT_DEFAULTS>;
