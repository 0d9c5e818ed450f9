/**
 * What the first page load costs: `vite build`, then the JavaScript that
 * dist/index.html loads before anything renders (its module script and every
 * modulepreload — Vite lists all static imports there) against all JavaScript,
 * gzip level 9. Lazy route chunks are fetched only when their screen opens.
 * Writes the "Initial load" section of docs/benchmarks-web.md (between its markers).
 *
 *   npx tsx apps/web/bench/bundle-size.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR, buildWeb } from '../e2e/harness.ts';

export const BUDGET_KIB = 120;
export const START = '<!-- bundle-size:start -->';
export const END = '<!-- bundle-size:end -->';
const DIST = resolve(WEB_DIR, 'dist');
const OUT = resolve(WEB_DIR, '../../docs/benchmarks-web.md');

const gz = (file: string) => {
  const buf = readFileSync(resolve(DIST, file));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

await buildWeb();
const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const all = readdirSync(resolve(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const sum = (files: string[]) => files.map(gz).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const first = sum(initial);
const total = sum(all);
const rows = initial.map((f) => `| \`${f.replace(/-[\w-]{8}\.js$/, '.js')}\` | ${kib(gz(f).raw)} | ${kib(gz(f).gzip)} |`).join('\n');
const section = `${START}
### Initial load (lazy routes)

Measured by \`npx tsx apps/web/bench/bundle-size.ts\` (\`vite build\`, gzip level 9). Every screen except sign-in, the engagement list and the engagement frame is a lazy chunk (\`React.lazy\` in \`src/app.tsx\`); \`@bunkai/domain\` is tree-shaken per module (\`vite.config.ts\`), so the API's zod schemas stay out of the browser.

| JavaScript loaded before the first screen | raw | gzip |
|---|---:|---:|
${rows}
| **initial total** (budget ${BUDGET_KIB} KiB gzip) | **${kib(first.raw)}** | **${kib(first.gzip)}** |
| all chunks, for comparison (${all.length} files) | ${kib(total.raw)} | ${kib(total.gzip)} |

Before this change the app was one ${'166 KB'} gzip file loaded whole on every first visit (issue 16).
${END}`;
const doc = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const next = doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section) : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(OUT, next);
console.log(section);
if (first.gzip / 1024 > BUDGET_KIB) {
  console.error(`initial JavaScript ${kib(first.gzip)} gzip is over the ${BUDGET_KIB} KiB budget`);
  process.exitCode = 1;
}
