import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, createDb, engagements, recomputeSeal, revisions, signatures, verifyChain } from '@bunkai/db';
import { createTestDatabase, testEngine } from '@bunkai/db/testing';
import { buildApp } from '../../src/app.ts';
import { PROJECT_ROOT, loadConfig } from '../../src/config.ts';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';

/*
 * `npm run backup` → `npm run restore` into a fresh database → everything
 * still verifies: every engagement's event chain recomputes to the same head,
 * every signature's seal matches, and the app on the restored database serves
 * the audit trail with "chain ok, seals valid" to a member who signs in with
 * the password set before the backup. On PostgreSQL (pg_dump / pg_restore,
 * backed up while the source is open) and on PGlite (its data-directory dump).
 * The commands run as operators run them: scripts/run.mjs with the database
 * named by DATABASE_URL.
 */
const engine = testEngine();
const work = mkdtempSync(join(tmpdir(), 'bunkai-backup-'));
const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'backup-secret-backup-secret-backup-0123', SCRYPT_COST: '1024', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
const cleanup: (() => Promise<void>)[] = [];

type Cli = { code: number; out: string };
/** `npm run backup|restore -- …` minus npm: the same script, the same arguments. */
const cli = (databaseUrl: string, ...args: string[]) =>
  new Promise<Cli>((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts/run.mjs'), ...args],
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH and the like from the runner
      { cwd: work, env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, INIT_CWD: work }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });

/** A database the test can open in-process and the CLI can reach by URL. */
const sourceDatabase = async (): Promise<{ database: Database; url: string }> => {
  if (engine === 'postgres') {
    const database = await createTestDatabase();
    cleanup.push(() => database.close());
    return { database, url: database.url! };
  }
  // PGlite on disk, started from the project's migrated template.
  const dir = join(work, 'source');
  const database = await createDb({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplatePath'))]) });
  return { database, url: `pglite://${dir}` };
};

/** An empty database (PostgreSQL: CREATE DATABASE without the migrated template; PGlite: a directory not yet made). */
const emptyDatabaseUrl = async (): Promise<string> => {
  if (engine === 'pglite') return `pglite://${join(work, `restored-${randomBytes(3).toString('hex')}`)}`;
  const adminUrl = inject('postgresAdminUrl');
  const name = `bunkai_restore_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
  await admin.db.execute(`CREATE DATABASE ${name}`);
  await admin.close();
  cleanup.push(async () => {
    const a = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
    await a.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.close();
  });
  return adminUrl.replace(/\/postgres$/, `/${name}`);
};

const openUrl = (url: string) => createDb(url.startsWith('pglite:') ? { dataDir: url.replace(/^pglite:\/\//, '') } : { databaseUrl: url });

type Fingerprint = { chains: Record<string, { ok: boolean; count: number; headHash: string }>; seals: Record<string, boolean> };
/** Every engagement's chain and every signature's seal, recomputed from the rows. */
const fingerprint = async (database: Database): Promise<Fingerprint> => {
  const chains: Fingerprint['chains'] = {};
  for (const { id } of await database.db.select({ id: engagements.id }).from(engagements)) {
    const { ok, count, headHash } = await verifyChain(database.db, id);
    chains[id] = { ok, count, headHash };
  }
  const seals: Fingerprint['seals'] = {};
  const rows = await database.db.select({ s: signatures, number: revisions.number }).from(signatures).innerJoin(revisions, eq(revisions.id, signatures.revisionId));
  for (const { s, number } of rows) seals[s.id] = recomputeSeal(s, number) === s.seal;
  return { chains, seals };
};

let sourceUrl = '';
let before: Fingerprint;
let observer: { email: string; password: string; eid: string };
let backup: Cli;

beforeAll(async () => {
  const { database, url } = await sourceDatabase();
  sourceUrl = url;
  const app = await buildApp({ database, config, logger: false });
  await app.ready();
  // The demo (four organizations, every cell status) and a small engagement whose revision 1 both parties signed.
  expect(await seedDemoIfEmpty(app, database, config)).not.toBeNull();
  const f = createSignoffFactories(app);
  const w = await f.signoffWorld();
  const r1 = await f.freeze(w.owner, w.eid);
  await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner);
  await f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor);
  observer = { email: w.observer.email, password: w.observer.password, eid: w.eid };
  before = await fingerprint(database);
  await app.close();
  // PGlite is one process's database: the server is stopped before a backup. PostgreSQL stays open (pg_dump takes a snapshot).
  if (engine === 'pglite') await database.close();
  backup = await cli(sourceUrl, 'backup', '--out', 'bunkai.backup');
}, 240_000);

afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, () => {
  it('backs up, restores into an empty database, and every chain and seal verifies there', { timeout: 180_000 }, async () => {
    expect(Object.keys(before.chains).length).toBe(2);
    expect(Object.values(before.seals)).toEqual([true, true]);

    // Made in beforeAll, with a path relative to the caller's directory.
    expect(backup, backup.out).toMatchObject({ code: 0 });
    expect(backup.out).toMatch(/backed up .* to .*bunkai\.backup/);
    const magic = readFileSync(join(work, 'bunkai.backup')).subarray(0, 5);
    if (engine === 'postgres') expect(magic.toString('latin1')).toBe('PGDMP');
    else expect([...magic.subarray(0, 2)]).toEqual([0x1f, 0x8b]);

    const targetUrl = await emptyDatabaseUrl();
    const restore = await cli(targetUrl, 'restore', '--in', join(work, 'bunkai.backup'));
    expect(restore, restore.out).toMatchObject({ code: 0 });

    const restored = await openUrl(targetUrl);
    cleanup.push(() => restored.close());
    await restored.migrate(); // what the server does at boot: nothing to apply
    const after = await fingerprint(restored);
    expect(after).toEqual(before);
    expect(Object.values(after.chains).every((c) => c.ok)).toBe(true);

    // The app on the restored database: the old password signs in, the audit trail verifies.
    const app = await buildApp({ database: restored, config, logger: false });
    cleanup.push(() => app.close());
    const member = await createSignoffFactories(app).login(observer.email, observer.password);
    const audit = await member.http.get<string>(`/api/v1/engagements/${observer.eid}/audit.jsonl`);
    expect(audit.status).toBe(200);
    expect(JSON.parse(audit.body.trimEnd().split('\n').at(-1)!)).toMatchObject({ record: 'verification', chain: { ok: true }, signatures: { count: 2, sealsValid: true } });
  });

  it('refuses to restore into a database that is not empty, naming the problem', { timeout: 120_000 }, async () => {
    expect(backup.code, backup.out).toBe(0);
    const r = await cli(sourceUrl, 'restore', '--in', join(work, 'bunkai.backup'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(engine === 'postgres' ? /refusing to restore into database "bunkai_.*": it is not empty/ : /refusing to restore into .*source: the directory is not empty/);
    // The source is untouched.
    const source = await openUrl(sourceUrl);
    try {
      expect(await fingerprint(source)).toEqual(before);
    } finally {
      await source.close();
    }
  });
});
