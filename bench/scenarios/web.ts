import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/servers.ts';

const FRAGMENT = join(ROOT, 'docs/benchmarks-web.md');

/**
 * The web matrix render benchmark (apps/web/bench/render-matrix.ts, headless
 * Chromium): run it, then take the fragment it wrote. A failure (no browser
 * on the machine) is reported in the document instead of a figure.
 */
export const runWebBench = async (log: (m: string) => void): Promise<{ markdown: string } | { error: string }> => {
  const before = existsSync(FRAGMENT) ? statSync(FRAGMENT).mtimeMs : 0;
  log('web: running apps/web/bench/render-matrix.ts');
  const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'apps/web/bench/render-matrix.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (b: Buffer) => (out = (out + b.toString()).slice(-4000));
    p.stdout.on('data', keep);
    p.stderr.on('data', keep);
    const timer = setTimeout(() => p.kill('SIGKILL'), 10 * 60_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
  if (result.code !== 0 || !existsSync(FRAGMENT) || statSync(FRAGMENT).mtimeMs <= before)
    return { error: `render-matrix.ts exited ${result.code}: ${result.out.trim().split('\n').slice(-5).join(' ')}` };
  return { markdown: readFileSync(FRAGMENT, 'utf8') };
};
