import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/config.ts';

/**
 * Real processes for the operations tests: the built API server under plain
 * node (with a loader guard that fails the process if anything imports tsx)
 * and nginx from the Debian package, each with its output captured.
 */
export const DIST = join(PROJECT_ROOT, 'apps/api/dist');

export type Proc = { child: ChildProcess; pid: number; out: () => string; exited: Promise<number | null> };

export const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const launch = (file: string, args: string[], cwd: string, env: Record<string, string>): Proc => {
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, pid: child.pid!, out: () => out, exited };
};

/** `npm run build`'s API half (esbuild, ~1 s); outputs are renamed into place, so concurrent builds are safe. */
export const buildApi = () => execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build-api.mjs')], { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 120_000 });

/** Writes the loader guard into `dir` and returns its path (named so that "tsx" appears nowhere in the command line). */
export const loaderGuard = (dir: string) => {
  const hooks = join(dir, 'guard-hooks.mjs');
  writeFileSync(hooks, "export async function resolve(s, c, next) { if (/^tsx(\\/|$)/.test(s)) throw new Error('tsx was imported: ' + s); return next(s, c); }\n");
  const guard = join(dir, 'loader-guard.mjs');
  writeFileSync(guard, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  return guard;
};

/** `node apps/api/dist/server.mjs` (of this checkout, or of a copy at `root`), what `npm run start:prod` and the systemd unit run. */
export const startBuiltServer = (dir: string, env: Record<string, string>, root = PROJECT_ROOT): Proc =>
  // eslint-disable-next-line no-restricted-properties -- the child needs PATH from the runner, nothing else
  launch(process.execPath, ['--import', loaderGuard(dir), join(root, 'apps/api/dist/server.mjs')], dir, { PATH: process.env.PATH ?? '', HOME: dir, ...env });

/** `pid` and every process below it, with their command lines (Linux /proc). */
export const processes = (pid: number): { pid: number; cmd: string }[] => {
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may contain spaces, so split after ')'.
      const ppid = Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const visit = (p: number) => {
    try {
      out.push({ pid: p, cmd: readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim() });
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return out;
};

/** Command lines of `pid` and of every process below it. */
export const processTree = (pid: number): string[] => processes(pid).map((p) => p.cmd);

export const NGINX = '/usr/sbin/nginx';
export const NGINX_TEMPLATE = join(PROJECT_ROOT, 'docs/deploy/nginx.conf');

/**
 * docs/deploy/nginx.conf for a test: the two upstream ports and the listen
 * line rewritten (plain HTTP on loopback; the ssl_* lines dropped), wrapped in
 * a minimal main configuration whose files all live in `dir`.
 */
export const renderNginxConfig = (dir: string, listenPort: number, upstreamPorts: [number, number]) => {
  const template = readFileSync(NGINX_TEMPLATE, 'utf8');
  let site = template.replace(/^(\s*)listen 443 ssl;$/m, `$1listen 127.0.0.1:${listenPort};`).replace(/^\s*ssl_\w+\s.*\n/gm, '');
  for (const [i, port] of [4171, 4172].entries()) site = site.replace(`server 127.0.0.1:${port} `, `server 127.0.0.1:${upstreamPorts[i]} `);
  const directives = site.replace(/^\s*#.*$/gm, '');
  if (/417[12]|ssl/.test(directives)) throw new Error('docs/deploy/nginx.conf changed shape: update renderNginxConfig');
  writeFileSync(join(dir, 'bunkai.conf'), site);
  const main = [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${join(dir, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`),
    `  include ${join(dir, 'bunkai.conf')};`,
    '}',
    '',
  ].join('\n');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, main);
  // Running as root, nginx's workers run as nobody: they must reach the temp paths.
  chmodSync(dir, 0o755);
  return conf;
};

export const startNginx = (dir: string, conf: string): Proc => {
  if (!existsSync(NGINX)) throw new Error('nginx is not installed: apt-get install nginx (.ci/run installs it)');
  // eslint-disable-next-line no-restricted-properties -- nginx needs nothing but PATH
  return launch(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], dir, { PATH: process.env.PATH ?? '' });
};
