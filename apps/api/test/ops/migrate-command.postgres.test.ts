import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { PROJECT_ROOT } from '../../src/config.ts';
import { DIST, buildApi, loaderGuard } from './processes.ts';

/*
 * `npm run migrate` as an operator runs it after `npm run build`: the built
 * apps/api/dist/migrate.mjs under plain node (the loader guard fails it if
 * anything imports tsx). Two runs at once on an EMPTY database both succeed
 * (the migration advisory lock makes them take turns), the journal is applied
 * exactly once, a later run changes nothing, and production without a
 * database is refused with the variable named.
 */
const adminUrl = inject('postgresAdminUrl');
const name = `bunkai_migrate_${randomBytes(4).toString('hex')}`;
const url = adminUrl.replace(/\/postgres$/, `/${name}`);
const work = mkdtempSync(join(tmpdir(), 'bunkai-migrate-'));
let database: Database;

const admin = async <T>(fn: (db: Database) => Promise<T>) => {
  const a = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
  try {
    return await fn(a);
  } finally {
    await a.close();
  }
};

/** `node apps/api/dist/migrate.mjs` with only the given environment; resolves with its exit code and output. */
const migrate = (env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', loaderGuard(work), join(DIST, 'migrate.mjs')], {
      cwd: work,
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH from the runner, nothing else
      env: { PATH: process.env.PATH ?? '', HOME: work, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });

const journal = JSON.parse(readFileSync(join(PROJECT_ROOT, 'migrations/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const applied = async () =>
  Number(((await database.db.execute('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')) as unknown as { rows: { n: string }[] }).rows[0]?.n);

beforeAll(async () => {
  buildApi();
  await admin((a) => a.db.execute(`CREATE DATABASE ${name}`));
  database = await createDb({ databaseUrl: url, poolMax: 1 });
}, 180_000);

afterAll(async () => {
  await database?.close();
  await admin((a) => a.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  rmSync(work, { recursive: true, force: true });
});

describe('npm run migrate (the built command)', () => {
  it('two runs at once on an empty database both succeed and apply every migration once; a later run changes nothing', { timeout: 120_000 }, async () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: url };
    const both = await Promise.all([migrate(env), migrate(env)]);
    for (const r of both) {
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('migrations applied (database: postgres)');
    }
    expect(await applied()).toBe(journal.entries.length);
    const tables = (await database.db.execute("SELECT to_regclass('public.engagements') AS t")) as unknown as { rows: { t: string | null }[] };
    expect(tables.rows[0]?.t).toBe('engagements');

    const again = await migrate(env);
    expect(again.code, again.out).toBe(0);
    expect(await applied()).toBe(journal.entries.length);
  });

  it('refuses to run in production without DATABASE_URL, naming it (`npm run migrate` itself, and the built file)', { timeout: 60_000 }, async () => {
    const npm = spawnSync('npm', ['run', '--silent', 'migrate'], {
      cwd: PROJECT_ROOT,
      // eslint-disable-next-line no-restricted-properties -- npm needs PATH from the runner
      env: { PATH: process.env.PATH ?? '', HOME: work, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(npm.status).toBe(1);
    expect(`${npm.stdout}${npm.stderr}`).toMatch(/DATABASE_URL is required in production/);
    const r = await migrate({ NODE_ENV: 'production' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/DATABASE_URL is required in production/);
  });
});
