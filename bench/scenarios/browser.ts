import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_PASSWORD } from '../dataset/setup.ts';
import { TARGETS } from '../report.ts';
import { ROOT, startApi } from '../lib/servers.ts';
import type { BrowserRun, MatrixPageDriver } from './browser-types.ts';
import { type BenchCtx, withServer } from './context.ts';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

/** Openings of the matrix page per dataset. */
export const BROWSER_RUNS = 5;

export type BrowserResult = {
  engine: string;
  scale: string;
  cells: number;
  runs: BrowserRun[];
  /** Medians over the runs; scroll p95 over every frame of every run (vertical and horizontal wheel). */
  interactiveMs: number;
  firstCellsMs: number;
  matrixReceivedMs: number;
  matrixWaitMs: number;
  wireBytes: number;
  bodyBytes: number;
  scrollP95Ms: number;
  scrollMedianMs: number;
  jumpP95Ms: number;
  domCells: number;
};

/** Loaded at run time: it is compiled with the web app's DOM types and reaches playwright-core through apps/web. */
const DRIVER = join(ROOT, 'apps/web/bench/open-matrix.ts');
let driver: Promise<MatrixPageDriver> | null = null;
const loadDriver = async (log: (m: string) => void) => {
  driver ??= (async () => {
    const d = (await import(pathToFileURL(DRIVER).href)) as MatrixPageDriver;
    // The API serves apps/web/dist (production build); built once per bench process.
    log('browser: building the web app (vite build)');
    await d.buildWeb();
    return d;
  })();
  return driver;
};

/**
 * The matrix page of the dataset's engagement in headless Chromium against
 * the real API (production entry, this dataset's database): the hospital's
 * administrator signs in on the sign-in screen, then the matrix page is
 * opened `runs` times (apps/web/bench/open-matrix.ts).
 */
export const benchBrowser = async (ctx: BenchCtx, runs: number, profile = false): Promise<BrowserResult> => {
  const d = await loadDriver(ctx.log);
  ctx.log('browser: starting the API');
  const out = await withServer(
    () => startApi(ctx.data),
    (server) => d.measureMatrixPage({ url: server.url, email: ctx.info.hospital.adminEmail, password: BENCH_PASSWORD, engagementId: ctx.info.engagementId, runs, profile, log: ctx.log }),
  );
  return summarize(ctx, out);
};

const summarize = (ctx: BenchCtx, runs: BrowserRun[]): BrowserResult => {
  const scroll = runs.flatMap((r) => [...r.frames.wheel, ...r.frames.wheelX]);
  return {
    engine: ctx.data.engine,
    scale: ctx.info.spec,
    cells: ctx.info.counts.cells,
    runs,
    interactiveMs: median(runs.map((r) => r.interactiveMs)),
    firstCellsMs: median(runs.map((r) => r.firstCellsMs)),
    matrixReceivedMs: median(runs.map((r) => r.fetch.endMs)),
    matrixWaitMs: median(runs.map((r) => r.fetch.firstByteMs - r.fetch.startMs)),
    wireBytes: median(runs.map((r) => r.fetch.wireBytes)),
    bodyBytes: median(runs.map((r) => r.fetch.bodyBytes)),
    scrollP95Ms: p95(scroll),
    scrollMedianMs: median(scroll),
    jumpP95Ms: p95(runs.flatMap((r) => r.frames.jump)),
    domCells: median(runs.map((r) => r.domCells)),
  };
};

const FRAGMENT = join(ROOT, 'docs/benchmarks-web.md');
const START = '<!-- real-api:start -->';
const END = '<!-- real-api:end -->';
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const size = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} KB`);
const met = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

export const browserSection = (results: readonly BrowserResult[]) => {
  const rows = results.map((r) => {
    const cap = TARGETS.browserInteractiveMs[r.scale];
    const enc = r.runs[0]?.fetch.encoding || '?';
    return `| ${r.scale} (${r.engine}) | ${r.cells.toLocaleString('en')} | ${size(r.wireBytes)} ${enc} → ${size(r.bodyBytes)} | ${ms(r.matrixWaitMs)} | ${ms(r.matrixReceivedMs)} | ${ms(r.firstCellsMs)} | **${ms(r.interactiveMs)}**${cap === undefined ? '' : ` (≤ ${ms(cap)}: ${met(r.interactiveMs <= cap)})`} | ${r.scrollMedianMs.toFixed(1)} / **${r.scrollP95Ms.toFixed(1)} ms** (≤ ${TARGETS.browserScrollP95Ms} ms: ${met(r.scrollP95Ms <= TARGETS.browserScrollP95Ms)}) | ${r.jumpP95Ms.toFixed(1)} ms | ${r.domCells} |`;
  });
  const runs = results.map((r) => `- ${r.scale}: interactive ${r.runs.map((x) => Math.round(x.interactiveMs)).join(', ')} ms; matrix received ${r.runs.map((x) => Math.round(x.fetch.endMs)).join(', ')} ms.`);
  return `${START}
### The matrix against the real API (issue 17)

Measured by \`npx tsx bench/browser.ts\` (and by \`pnpm bench\`, on the run's PostgreSQL) on this machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}): the benchmark dataset is generated, the production API (\`apps/api/src/server.ts\`) serves it and the built web app, headless Chromium (\`/usr/bin/chromium --headless --no-sandbox --disable-gpu\`, 1366×768) signs in on the sign-in screen as the hospital's administrator (the refresh cookie, the access token in memory), then opens \`/engagements/:id/matrix\` ${results[0]?.runs.length ?? BROWSER_RUNS} times, each in a fresh tab (the app's code cached as after signing in; the session renewed and the matrix fetched from \`/cells/compact\` every time). Times from navigation start, medians of the runs.

| dataset | cells | matrix on the wire → decoded | API: request → first byte | matrix received | first cells on screen | **interactive** (→ moves the focus) | scroll frame median / **p95** (wheel ↓ and →, 240 px per frame) | jump scroll p95 | grid cells in the DOM |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Interactive = the first cell with data is on screen, the bench focuses the grid's cell and presses → (a real key event through the browser), and the focus has moved to the next cell; it includes the bench driver's round trips (a few ms each). Scroll frames: the time between animation frames while the grid scrolls one step per frame (16.7 ms is one frame at 60 Hz); p95 over every frame of every run, vertical and horizontal. Jump: a new screenful every frame (reported, not a target).

${runs.join('\n')}
${END}`;
};

/** Puts the section into docs/benchmarks-web.md (between its markers; the fixture render bench keeps it). */
export const writeBrowserSection = (results: readonly BrowserResult[]) => {
  if (!results.length) return;
  const section = browserSection(results);
  const doc = existsSync(FRAGMENT) ? readFileSync(FRAGMENT, 'utf8') : '';
  writeFileSync(FRAGMENT, doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), () => section) : `${doc.trimEnd()}\n\n${section}\n`);
};
