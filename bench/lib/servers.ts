import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/db/src/testing/postgres-cluster.ts';
import { BENCH_JWT_SECRET } from './tokens.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a server finds its data: a PGlite data directory or a PostgreSQL URL. */
export type DataLocation = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export type RunningServer = { url: string; port: number; child: ChildProcess; stop: () => Promise<void>; kill: () => Promise<void>; output: () => string };

const waitFor = async (url: string, child: ChildProcess, timeoutMs: number, output: () => string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not ready at ${url} after ${timeoutMs} ms:\n${output()}`);
};

/** Children still running when the bench process exits (an error, Ctrl-C) are killed with it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

const exited = (child: ChildProcess) =>
  new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });

/** Starts a TypeScript entry point under tsx on a free loopback port and waits until `readyPath` answers. */
export const startNodeServer = async (entry: string, env: Record<string, string>, readyPath: string, timeoutMs = 120_000): Promise<RunningServer> => {
  const port = Number(env.PORT) || (await freePort());
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers under load.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const output = () => log;
  try {
    await waitFor(`${url}${readyPath}`, child, timeoutMs, output);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    url,
    port,
    child,
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
};

/** The environment the real API entry (apps/api/src/server.ts) reads, for one data location. */
export const apiEnv = (data: DataLocation, extra: Record<string, string> = {}): Record<string, string> => ({
  NODE_ENV: 'production',
  JWT_SECRET: BENCH_JWT_SECRET,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  // Production refuses an implicit embedded database and a missing public address: name both.
  DATABASE_URL: data.engine === 'postgres' ? data.url : `pglite://${data.dataDir}`,
  PUBLIC_URL: 'https://bunkai.bench.invalid',
  CORS_ORIGINS: '',
  // The bench measures the API under load; the overload guard would shed it (503) on a busy shared machine.
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
  ...extra,
});

/** The production API, started the way `npm start` starts it (migrations run, no demo seed, warnings-only log). */
export const startApi = (data: DataLocation, extra: Record<string, string> = {}) => startNodeServer('apps/api/src/server.ts', apiEnv(data, extra), '/api/health', 300_000);

/** The bare baseline server (bench/bare-server.ts) on the same data. */
export const startBare = (data: DataLocation) =>
  startNodeServer('bench/bare-server.ts', { BARE_DATA: JSON.stringify(data) }, '/ready');
