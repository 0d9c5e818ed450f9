import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '@bunkai/db/testing';
import { PROJECT_ROOT } from '../../src/config.ts';
import { processes } from './processes.ts';

/*
 * The production path end to end: `scripts/build-api.mjs` (what `npm run build`
 * runs for the API), then `node apps/api/dist/server.mjs` (what
 * `npm run start:prod` runs) with NODE_ENV=production — on PostgreSQL in the
 * postgres project, on an explicitly chosen PGlite directory in the pglite one.
 * A loader hook makes any attempt to import tsx fail the server, so "it served"
 * also means "no tsx".
 */
const DIST = join(PROJECT_ROOT, 'apps/api/dist');
const work = mkdtempSync(join(tmpdir(), 'bunkai-prod-'));
let databaseUrl = '';
let closeDatabase = async () => {};

// The hook runs in the server process: resolving tsx (or anything under it) throws.
const noTsx = join(work, 'no-tsx.mjs');
writeFileSync(join(work, 'no-tsx-hooks.mjs'), "export async function resolve(s, c, next) { if (/^tsx(\\/|$)/.test(s)) throw new Error('tsx was imported: ' + s); return next(s, c); }\n");
writeFileSync(noTsx, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'no-tsx-hooks.mjs')).href)});\n`);

type Server = { child: ChildProcess; out: () => string; exited: Promise<number | null> };

const start = (env: Record<string, string>): Server => {
  const child = spawn(process.execPath, ['--import', noTsx, join(DIST, 'server.mjs')], {
    cwd: work,
    // eslint-disable-next-line no-restricted-properties -- the child needs PATH and the like from the runner
    env: { PATH: process.env.PATH ?? '', HOME: work, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
};

const production = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  JWT_SECRET: 'production-secret-production-secret-0123456789',
  PUBLIC_URL: 'https://bunkai.hospital.example',
  DATABASE_URL: databaseUrl,
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: '8000',
  ...extra,
});

const waitFor = async (what: string, check: () => boolean, timeoutMs = 150_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build-api.mjs')], { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 120_000 });
  if (testEngine() === 'postgres') {
    const database = await createTestDatabase();
    databaseUrl = database.url!;
    // The server opens its own pool: this one only keeps (and finally drops) the database.
    closeDatabase = () => database.close();
  } else databaseUrl = `pglite://${join(work, 'pglite')}`;
}, 180_000);

afterAll(async () => {
  await closeDatabase();
  rmSync(work, { recursive: true, force: true });
});

describe('the production build', () => {
  it('contains no TypeScript loader: no bundle imports tsx', () => {
    for (const f of readdirSync(DIST).filter((n) => n.endsWith('.mjs'))) {
      expect(readFileSync(join(DIST, f), 'utf8'), f).not.toMatch(/(from\s*|import\s*\(\s*)["']tsx[/"']/);
    }
  });

  it('refuses to start in production without PUBLIC_URL, naming it', async () => {
    const env = production();
    delete (env as Partial<typeof env>).PUBLIC_URL;
    const s = start(env);
    expect(await s.exited).toBe(1);
    expect(s.out()).toMatch(/PUBLIC_URL is required in production/);
  }, 60_000);

  it('serves with node alone, has no demo account, and drains on SIGTERM', { timeout: 240_000 }, async () => {
    const s = start(production());
    let port = 0;
    await waitFor('the server to listen', () => {
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(s.out());
      port = Number(m?.[1] ?? 0);
      return port > 0 || s.child.exitCode !== null;
    });
    expect(s.child.exitCode, s.out()).toBeNull();
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', listen: { connected: true } });

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    // Production never seeds: the published demo password opens nothing.
    expect((await post('/api/v1/auth/login', { email: 'hospital@demo.example', password: 'bunkai-demo' })).status).toBe(401);

    const registered = await post('/api/v1/auth/register', {
      organization: { name: '本番病院', kind: 'hospital' },
      user: { email: 'it@prod.example', displayName: '情報システム', password: 'correct horse battery staple' },
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const created = await post('/api/v1/engagements', { title: '本番', systemName: '電子カルテ' }, auth);
    expect(created.status).toBe(201);
    const { engagement } = (await created.json()) as { engagement: { id: string } };

    // An open live-update stream, and a request in flight (scrypt at production cost) when SIGTERM arrives.
    const stream = await fetch(`${base}/api/v1/engagements/${engagement.id}/events/stream?after=0`, { headers: { ...auth, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const streamEnded = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    const inFlight = post(
      '/api/v1/auth/register',
      { organization: { name: '二番目', kind: 'vendor' }, user: { email: 'second@prod.example', displayName: '二番目', password: 'correct horse battery staple' } },
      { 'x-request-id': 'drain-probe' },
    );
    await waitFor('the in-flight request to reach the server', () => /"reqId":"drain-probe".*"incoming request"/.test(s.out()));
    const sentAt = Date.now();
    s.child.kill('SIGTERM');

    expect((await inFlight).status).toBe(201);
    expect(await streamEnded).toBe(true);
    expect(await s.exited, s.out().slice(-3000)).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(8000);
    expect(s.out()).toMatch(/shut down cleanly/);
    // New connections are refused once it is gone.
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  });

  it('gives up draining after SHUTDOWN_TIMEOUT_MS and exits 1 when a request never completes', { timeout: 120_000 }, async () => {
    const s = start(production({ SHUTDOWN_TIMEOUT_MS: '1500' }));
    let port = 0;
    await waitFor('the server to listen', () => {
      port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(s.out())?.[1] ?? 0);
      return port > 0 || s.child.exitCode !== null;
    });
    // A client that announces a body and stops sending it: its request stays in flight, the drain cannot finish.
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-Request-Id: stalled\r\n\r\n{"email":');
    try {
      await waitFor('the stalled request to reach the server', () => /"reqId":"stalled".*"incoming request"/.test(s.out()));
      const sentAt = Date.now();
      s.child.kill('SIGTERM');
      expect(await s.exited, s.out().slice(-3000)).toBe(1);
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1400);
      expect(Date.now() - sentAt).toBeLessThan(6000);
      expect(s.out()).toMatch(/killed by timeout \(1500ms\)/);
    } finally {
      socket.destroy();
    }
  });

  it('`npm run start:prod` is node on the built server: no tsx anywhere in its process tree, and SIGTERM reaches it', { timeout: 120_000 }, async () => {
    const child = spawn('npm', ['run', '--silent', 'start:prod'], {
      cwd: PROJECT_ROOT,
      // eslint-disable-next-line no-restricted-properties -- npm needs PATH from the runner
      env: { PATH: process.env.PATH ?? '', HOME: work, ...production() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let tree: { pid: number; cmd: string }[] = [];
    try {
      let port = 0;
      await waitFor('npm run start:prod to listen', () => {
        port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1] ?? 0);
        return port > 0 || child.exitCode !== null;
      });
      expect(child.exitCode, out).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
      tree = processes(child.pid!);
      const commands = tree.map((p) => p.cmd).join('\n');
      expect(commands).toMatch(/^node .*apps\/api\/dist\/server\.mjs$/m);
      expect(commands).not.toMatch(/tsx/);
      // The signal a service manager sends to the process it started (npm): the server must drain, not be orphaned.
      child.kill('SIGTERM');
      expect(await exited, out.slice(-3000)).toBe(0);
      expect(out).toMatch(/shut down cleanly/);
    } finally {
      for (const p of tree) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          /* already gone, as it should be */
        }
      }
    }
  });
});
