import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Backup and restore of a whole Bunkai database, one file each way:
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot, taken while
 *   instances keep serving) and `pg_restore` in one transaction;
 * - PGlite: its data-directory dump (`dumpDataDir`, a gzipped tar) and
 *   `loadDataDir` into a new directory.
 * A restore only ever writes into an EMPTY database: a backup is never merged
 * into live data, and a mistyped target is refused instead of overwritten.
 */
export type BackupTarget = { databaseUrl?: string | undefined; dataDir: string };

/** A refusal the operator must act on (wrong target, database in use); its message says what to do. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

export type BackupFormat = 'postgres' | 'pglite';

/** pg_dump's custom format starts with "PGDMP"; PGlite's dump is a gzip stream. */
export const detectBackupFormat = async (file: string): Promise<BackupFormat | null> => {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead === 5 && buffer.toString('latin1') === 'PGDMP') return 'postgres';
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    await handle.close();
  }
};

export const backupDatabase = async (target: BackupTarget, outFile: string): Promise<{ format: BackupFormat; bytes: number }> => {
  // Written beside the destination and renamed: an interrupted backup never looks like a complete one.
  const partial = `${outFile}.${process.pid}.partial`;
  try {
    if (target.databaseUrl) await withConnection(target.databaseUrl, (args) => run('pg_dump', ['--format=custom', '--file', partial, ...args]));
    else await dumpPglite(target.dataDir, partial);
    renameSync(partial, outFile);
  } finally {
    rmSync(partial, { force: true });
  }
  return { format: target.databaseUrl ? 'postgres' : 'pglite', bytes: readFileSync(outFile).byteLength };
};

export const restoreDatabase = async (target: BackupTarget, inFile: string): Promise<{ format: BackupFormat }> => {
  if (!existsSync(inFile)) throw new BackupRefused(`no backup file at ${inFile}`);
  const format = await detectBackupFormat(inFile);
  const wanted: BackupFormat = target.databaseUrl ? 'postgres' : 'pglite';
  if (format === null) throw new BackupRefused(`${inFile} is not a Bunkai backup (neither a pg_dump custom-format file nor a PGlite dump)`);
  if (format !== wanted)
    throw new BackupRefused(
      `${inFile} is a ${format === 'postgres' ? 'PostgreSQL (pg_dump)' : 'PGlite'} backup, but the configured database is ${wanted === 'postgres' ? 'PostgreSQL (DATABASE_URL=postgres://…)' : 'PGlite'}; restore it into the same kind of database it was taken from`,
    );
  if (target.databaseUrl) {
    const url = target.databaseUrl;
    await refuseNonEmptyPostgres(url);
    await withConnection(url, (args) => run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', ...args, inFile]));
  } else await loadPglite(target.dataDir, inFile);
  return { format };
};

const dumpPglite = async (dataDir: string, outFile: string) => {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupRefused(`no PGlite database in ${dataDir}`);
  // PGlite lives inside one process and keeps postmaster.pid while open: a second opener would corrupt it.
  if (existsSync(join(dataDir, 'postmaster.pid')))
    throw new BackupRefused(
      `the PGlite database in ${dataDir} is open (postmaster.pid exists): stop the Bunkai server first. If no server runs (it was killed), start and stop it once to recover the directory, then back up`,
    );
  const client = await PGlite.create({ dataDir });
  try {
    const dump = await client.dumpDataDir('gzip');
    writeFileSync(outFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
};

const loadPglite = async (dataDir: string, inFile: string) => {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new BackupRefused(`refusing to restore into ${dataDir}: the directory is not empty. Restore into a new directory (DATABASE_URL=pglite:///new/path) and point the server at it`);
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(inFile)]) });
  try {
    await client.query('select 1');
  } finally {
    await client.close();
  }
};

/** Every relation outside PostgreSQL's own schemas, and every extra schema: an empty database has none. */
const refuseNonEmptyPostgres = async (url: string) => {
  const client = new pg.Client({ connectionString: url, application_name: 'bunkai-restore' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
       UNION ALL
       SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
       ORDER BY 1`,
    );
    if (rows.length > 0) {
      const names = rows.slice(0, 5).map((r) => r.name).join(', ');
      throw new BackupRefused(
        `refusing to restore into database "${client.database}": it is not empty (${rows.length} objects, e.g. ${names}). Create an empty database (createdb …), point DATABASE_URL at it and restore again`,
      );
    }
  } finally {
    await client.end();
  }
};

/**
 * The libpq arguments for a URL, with its password moved into a temporary
 * passfile (mode 0600) so it never appears in the process list.
 */
const withConnection = async <T>(url: string, fn: (args: string[]) => Promise<T>): Promise<T> => {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  if (!password) return fn(['--dbname', url]);
  parsed.password = '';
  const passfile = join(tmpdir(), `bunkai-pgpass-${randomBytes(8).toString('hex')}`);
  const esc = (s: string) => s.replace(/[\\:]/g, (c) => `\\${c}`);
  writeFileSync(passfile, `*:*:*:${esc(decodeURIComponent(parsed.username))}:${esc(password)}\n`, { mode: 0o600 });
  chmodSync(passfile, 0o600);
  parsed.searchParams.set('passfile', passfile);
  try {
    return await fn(['--dbname', parsed.toString()]);
  } finally {
    rmSync(passfile, { force: true });
  }
};

/** The newest installed server's client tool (Debian: /usr/lib/postgresql/<v>/bin), else the one on PATH. */
const pgTool = (name: 'pg_dump' | 'pg_restore'): string => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  return name;
};

const run = (name: 'pg_dump' | 'pg_restore', args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(pgTool(name), args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new Error(`${name} could not be started (${err.message}); install the PostgreSQL client tools (Debian: postgresql-client)`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code}): ${stderr.trim()}`))));
  });
