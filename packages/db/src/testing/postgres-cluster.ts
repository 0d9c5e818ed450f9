import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster in a temporary directory, for tests and
 * benchmarks: initdb, pg_ctl start on a free loopback port, stop and delete.
 * Installs Debian's `postgresql` package when no server binaries are found.
 */
export type Cluster = { url: (database: string) => string; port: number; dir: string; stop: () => void; start: () => void };

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

const findBinDir = (): string | undefined => BIN_DIRS.find((d) => existsSync(join(d, 'initdb')));

export const ensurePostgresInstalled = (): string => {
  let dir = findBinDir();
  if (dir) return dir;
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit' });
  dir = findBinDir();
  if (r.status !== 0 || !dir) throw new Error('PostgreSQL server binaries not found and apt-get install postgresql failed');
  return dir;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

export const startCluster = async (): Promise<Cluster> => {
  const bin = ensurePostgresInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'bunkai-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // initdb refuses to run as root; run the server as the `postgres` system user then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    execFileSync(file as string, argv as string[], { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already stopped */
    }
  };
  start();
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
  };
};

export const destroyCluster = (cluster: Cluster) => {
  cluster.stop();
  rmSync(cluster.dir, { recursive: true, force: true });
};
