#!/usr/bin/env node
// One entry point for the README commands, needing only Node >= 20.19 and npm:
//   npm start  → install dependencies (pnpm via npx), build the web app, start the API with the demo
//   npm test   → install, typecheck, lint, unit + database suites on PGlite and PostgreSQL, browser journeys
//   npm run build   → the production build: the API as JavaScript (scripts/build-api.mjs) and the web app
//   npm run migrate → apply the migrations (the built command when built, else from source) and exit
//   npm run backup -- --out <file> / npm run restore -- --in <file> → the database to one file and back (docs/operations.md)
// `npm run start:prod` is not here: it is `node apps/api/dist/server.mjs` itself, so a signal reaches the server directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['-y', 'pnpm@10.34.9'];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Bunkai needs Node.js >= 20.19 (this is ${process.versions.node}).`);
  process.exit(1);
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const pnpm = (...args) => run('npx', [...PNPM, ...args]);

const ensureInstalled = () => {
  const marker = join(root, 'node_modules/.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  pnpm('install', '--frozen-lockfile');
};

/** Newest modification time of the files under `dir` (0 when it does not exist). */
const newest = (dir) => {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

/** Builds the web app unless its build is newer than every source it is made of. */
const buildWeb = (force) => {
  if (!existsSync(join(root, 'apps/web/package.json'))) return;
  const built = join(root, 'apps/web/dist/index.html');
  const sources = ['apps/web/src', 'apps/web/boot', 'apps/web/index.html', 'packages/domain/src'].map((d) => join(root, d));
  const stale = () => statSync(built).mtimeMs < Math.max(...sources.map((d) => (existsSync(d) && statSync(d).isFile() ? statSync(d).mtimeMs : newest(d))));
  if (!force && existsSync(built) && !stale()) return;
  pnpm('--filter', '@bunkai/web', 'build');
};

const [task = 'start', ...rest] = process.argv.slice(2);
switch (task) {
  case 'start':
    ensureInstalled();
    buildWeb(false);
    pnpm('--filter', '@bunkai/api', 'start', ...rest);
    break;
  case 'dev':
    ensureInstalled();
    pnpm('--parallel', '--filter', '@bunkai/api', '--filter', '@bunkai/web', 'dev');
    break;
  case 'build':
    ensureInstalled();
    run(process.execPath, ['scripts/build-api.mjs']);
    buildWeb(true);
    break;
  case 'migrate':
    // Built: plain node, no dev dependencies needed (after `pnpm install --prod`). Otherwise from source.
    if (existsSync(join(root, 'apps/api/dist/migrate.mjs'))) run(process.execPath, ['--enable-source-maps', 'apps/api/dist/migrate.mjs']);
    else {
      ensureInstalled();
      pnpm('--filter', '@bunkai/api', 'migrate');
    }
    break;
  case 'backup':
  case 'restore': {
    // npm runs scripts from the repository root: a relative file name means the caller's directory.
    const here = process.env.INIT_CWD ?? process.cwd();
    const args = rest.map((a, i) => (['--out', '--in'].includes(rest[i - 1]) ? resolve(here, a) : a));
    if (existsSync(join(root, 'apps/api/dist/backup.mjs'))) run(process.execPath, ['--enable-source-maps', 'apps/api/dist/backup.mjs', task, ...args]);
    else {
      ensureInstalled();
      pnpm('exec', 'tsx', 'apps/api/src/backup.ts', task, ...args);
    }
    break;
  }
  case 'test': {
    ensureInstalled();
    pnpm('run', 'typecheck');
    pnpm('run', 'lint');
    const results = join(root, 'node_modules/.cache/bunkai-test-results.json');
    pnpm('exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...rest);
    const e2eResults = join(root, 'node_modules/.cache/bunkai-e2e-results.json');
    const e2e = existsSync(join(root, 'apps/web/e2e')) && !rest.length;
    if (e2e) pnpm('--filter', '@bunkai/web', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eResults}`);
    // One closing line over every runner: "N passed, N failed".
    const totals = [results, ...(e2e ? [e2eResults] : [])]
      .map((f) => JSON.parse(readFileSync(f, 'utf8')))
      .reduce((t, r) => ({ passed: t.passed + r.numPassedTests, failed: t.failed + r.numFailedTests }), { passed: 0, failed: 0 });
    console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
    if (totals.failed > 0 || totals.passed === 0) process.exit(1);
    break;
  }
  case 'bench':
    ensureInstalled();
    pnpm('exec', 'tsx', 'bench/run.ts', ...rest);
    break;
  default:
    console.error(`unknown task ${task}: use start | dev | build | migrate | backup | restore | test | bench`);
    process.exit(2);
}
