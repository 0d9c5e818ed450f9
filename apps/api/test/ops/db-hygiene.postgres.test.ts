import { afterEach, describe, expect, it } from 'vitest';
import { type Database, type DbLogger, createDb } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';

/*
 * PostgreSQL session limits and error visibility: every pooled connection
 * carries statement / lock / idle-in-transaction timeouts, and a lost idle
 * connection or LISTEN connection is logged (and the LISTEN comes back).
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const recordingLogger = () => {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: object, msg: string) => void lines.push({ level, msg });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') } satisfies DbLogger, lines };
};

const open = async (options: Parameters<typeof createDb>[0] = {}) => {
  const owner = await createTestDatabase();
  cleanup.push(() => owner.close());
  const database = await createDb({ databaseUrl: owner.url, ...options });
  cleanup.push(() => database.close());
  return Object.assign(database, { owner });
};

/** The first row of a raw query (drizzle types raw results loosely). */
const firstRow = (result: unknown) => (result as { rows: Record<string, string>[] }).rows[0] ?? {};
const show = async (database: Database, setting: string) => firstRow(await database.db.execute(`SHOW ${setting}`))[setting];

const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('PostgreSQL connections', () => {
  it('carry the default session timeouts', async () => {
    const database = await open();
    expect(await show(database, 'statement_timeout')).toBe('30s');
    expect(await show(database, 'lock_timeout')).toBe('10s');
    expect(await show(database, 'idle_in_transaction_session_timeout')).toBe('1min');
  });

  it('apply configured timeouts: a statement running longer is cancelled', async () => {
    const database = await open({ statementTimeoutMs: 300, lockTimeoutMs: 200, idleInTransactionTimeoutMs: 5000 });
    expect(await show(database, 'statement_timeout')).toBe('300ms');
    expect(await show(database, 'lock_timeout')).toBe('200ms');
    expect(await show(database, 'idle_in_transaction_session_timeout')).toBe('5s');
    await expect(database.db.execute('SELECT pg_sleep(2)')).rejects.toMatchObject({ cause: { code: '57014' } });
  });

  it('honour DB_POOL_MAX: no more connections than the pool size', async () => {
    const database = await open({ poolMax: 2 });
    const busy = Array.from({ length: 6 }, () => database.db.execute("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'bunkai' AND datname = current_database()"));
    const counts = (await Promise.all(busy)).map((r) => Number(firstRow(r).n));
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });

  it('log a lost idle connection and a lost LISTEN connection; readiness follows the LISTEN', async () => {
    const { log, lines } = recordingLogger();
    const database = await open({ log });
    const stop = await database.listen('bunkai_hygiene', () => {});
    cleanup.push(stop);
    // Two pooled connections, idle afterwards.
    await Promise.all([database.db.execute('SELECT pg_sleep(0.2)'), database.db.execute('SELECT pg_sleep(0.2)')]);
    expect(database.listening()).toBe(true);
    // From another pool: kill every other Bunkai backend of this database (as a server restart or a network cut would).
    await database.owner.db.execute(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ('bunkai', 'bunkai-listen') AND pid <> pg_backend_pid()",
    );
    await until(
      `the losses to be logged (got ${JSON.stringify(lines)})`,
      () => lines.some((l) => l.msg.startsWith('LISTEN connection')) && lines.some((l) => l.msg.startsWith('idle PostgreSQL connection')),
    );
    expect(lines.find((l) => l.msg.startsWith('idle PostgreSQL connection'))?.level).toBe('error');
    await until('the LISTEN to come back', () => database.listening());
    expect(lines.some((l) => l.msg === 'LISTEN connection restored')).toBe(true);
  });
});
