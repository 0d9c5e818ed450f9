import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '@bunkai/db/testing';
import { PROJECT_ROOT } from '../../src/config.ts';
import { type Proc, buildApi, startBuiltServer, waitFor } from './processes.ts';

/*
 * "Works after `pnpm install --prod`": the built checkout (without
 * node_modules or local data) is copied to a fresh directory, which gets
 * production dependencies only, from the local pnpm store (--offline: no
 * network). The built server must then start there in production and serve
 * a sign-up, a write, an XLSX export (exceljs) and a draft annex (docx, in a
 * worker thread): a runtime import that only a devDependency provides fails it.
 */
const PNPM = ['-y', 'pnpm@10.34.9'];
const work = mkdtempSync(join(tmpdir(), 'bunkai-prod-install-'));
const copy = join(work, 'bunkai');
let databaseUrl = '';
let closeDatabase = async () => {};
let server: Proc | undefined;

beforeAll(async () => {
  buildApi();
  // The checkout as an operator has it after `npm run build`, minus installed packages and local state.
  const skip = (path: string) => path.split('/').includes('node_modules') || /^(\.git|\.data|\.cache|coverage|test-results|\.scratch|tmp)(\/|$)/.test(path);
  cpSync(PROJECT_ROOT, copy, { recursive: true, filter: (src) => !skip(relative(PROJECT_ROOT, src)) });
  execFileSync('npx', [...PNPM, 'install', '--prod', '--frozen-lockfile', '--offline'], { cwd: copy, stdio: 'pipe', timeout: 180_000 });
  if (testEngine() === 'postgres') {
    const database = await createTestDatabase();
    databaseUrl = database.url!;
    closeDatabase = () => database.close();
  } else databaseUrl = `pglite://${join(work, 'pglite')}`;
}, 240_000);

afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await closeDatabase();
  rmSync(work, { recursive: true, force: true });
});

describe('after pnpm install --prod', () => {
  it('has no development tooling installed', () => {
    const installed = readdirSync(join(copy, 'node_modules/.pnpm'));
    for (const dev of ['tsx@', 'vitest@', 'esbuild@', 'typescript@']) expect(installed.filter((n) => n.startsWith(dev))).toEqual([]);
  });

  it('the built server starts in production and serves a sign-up, a write, an XLSX export and a draft annex', { timeout: 120_000 }, async () => {
    const s = startBuiltServer(work, {
      NODE_ENV: 'production',
      JWT_SECRET: 'prod-install-secret-prod-install-secret-01',
      PUBLIC_URL: 'https://bunkai.hospital.example',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    }, copy);
    server = s;
    let port = 0;
    await waitFor('the server to listen', () => {
      port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(s.out())?.[1] ?? 0);
      return port > 0 || s.child.exitCode !== null;
    }, 90_000);
    expect(s.child.exitCode, s.out().slice(-3000)).toBeNull();
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const registered = await post('/api/v1/auth/register', {
      organization: { name: '本番導入病院', kind: 'hospital' },
      user: { email: 'it@install.example', displayName: '情報システム', password: 'correct horse battery staple' },
    });
    expect(registered.status).toBe(201);
    const auth = { authorization: `Bearer ${((await registered.json()) as { accessToken: string }).accessToken}` };
    const created = await post('/api/v1/engagements', { title: '導入', systemName: '電子カルテ' }, auth);
    expect(created.status).toBe(201);
    const { engagement } = (await created.json()) as { engagement: { id: string } };
    const xlsx = await fetch(`${base}/api/v1/engagements/${engagement.id}/export.xlsx`, { headers: auth });
    expect(xlsx.status).toBe(200);
    // An XLSX file is a ZIP archive.
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // The draft annex (.docx) is built in a worker thread: the built worker bootstrap, without tsx.
    const annex = await fetch(`${base}/api/v1/engagements/${engagement.id}/annex.docx`, { headers: auth });
    expect(annex.status).toBe(200);
    expect(Buffer.from(await annex.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    s.child.kill('SIGTERM');
    expect(await s.exited, s.out().slice(-3000)).toBe(0);
  });
});
