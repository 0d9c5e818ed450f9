/**
 * The browser half of the real-API matrix benchmark (bench/scenarios/browser.ts
 * starts the API on a benchmark dataset and loads this driver): signs in on the
 * sign-in screen, then opens the matrix page in fresh tabs and measures when
 * it is interactive and how smoothly it scrolls.
 */
import type { Page } from 'playwright-core';
import type { BrowserRun, MatrixPageOptions } from '../../../bench/scenarios/browser-types.ts';
import { buildWeb, launchBrowser } from '../e2e/harness.ts';
import { scrollFrames } from './frames.ts';

export { buildWeb };

declare global {
  interface Window {
    __bench?: { first: number | null; focused: string | null; moved: number | null };
  }
}

/** Runs in every document before the app: notes when the first cell appears and when the focus first moves between cells. */
const probe = () => {
  const b = { first: null as number | null, focused: null as string | null, moved: null as number | null };
  window.__bench = b;
  const observer = new MutationObserver(() => {
    if (b.first === null && document.querySelector('.mx-cell[data-cell-id]')) {
      b.first = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('focusin', (e) => {
    const pos = (e.target as HTMLElement | null)?.dataset?.pos;
    if (!pos) return;
    if (b.focused === null) b.focused = pos;
    else if (pos !== b.focused && b.moved === null) b.moved = performance.now();
  });
};

/** The sign-in screen and the real API: the refresh cookie is set, the access token stays in the page's memory. */
const signIn = async (page: Page, { url, email, password }: MatrixPageOptions) => {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(`${url}/`);
};

const openMatrix = async (page: Page, { url, engagementId }: MatrixPageOptions): Promise<BrowserRun> => {
  let encoding = '';
  page.on('response', (res) => {
    if (res.url().includes('/cells/compact')) encoding = res.headers()['content-encoding'] ?? 'identity';
  });
  await page.goto(`${url}/engagements/${engagementId}/matrix`, { waitUntil: 'commit' });
  await page.waitForSelector('.mx-cell[data-cell-id]', { timeout: 120_000 });
  // A user tabs into the grid (the roving tabindex's cell) and presses → : the focus must move.
  await page.evaluate(() => (document.querySelector('.mx-cell[tabindex="0"]') as HTMLElement).focus());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.__bench?.moved != null, undefined, { timeout: 60_000 });
  const t = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource').find((e) => e.name.includes('/cells/compact')) as PerformanceResourceTiming | undefined;
    return {
      first: window.__bench!.first!,
      moved: window.__bench!.moved!,
      domCells: document.querySelectorAll('[role="gridcell"]').length,
      waterfall: [
        ...performance.getEntriesByType('navigation').map((e) => ({ name: 'document', start: e.startTime, end: (e as PerformanceNavigationTiming).domContentLoadedEventEnd })),
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: new URL(e.name).pathname.replace(/[0-9a-f-]{36}/g, ':id'), start: e.startTime, end: e.responseEnd })),
      ].map((x) => ({ name: x.name, start: Math.round(x.start), end: Math.round(x.end) })),
      fetch: { startMs: r?.startTime ?? 0, firstByteMs: r?.responseStart ?? 0, endMs: r?.responseEnd ?? 0, wireBytes: r?.transferSize ?? 0, bodyBytes: r?.decodedBodySize ?? 0 },
    };
  });
  const frames = { wheel: await scrollFrames(page, 'wheel'), wheelX: await scrollFrames(page, 'wheel-x'), jump: await scrollFrames(page, 'jump') };
  return { firstCellsMs: t.first, interactiveMs: t.moved, fetch: { ...t.fetch, encoding }, domCells: t.domCells, frames, waterfall: t.waterfall };
};

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples?: number[]; timeDeltas?: number[] };

/** The 15 functions with the most self time (ms), named with their file, line and column (the bundle is minified). */
const topFunctions = (p: CpuProfile) => {
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  (p.samples ?? []).forEach((id, k) => {
    const f = byId.get(id);
    const name = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '?';
    self.set(name, (self.get(name) ?? 0) + (p.timeDeltas?.[k] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join('; ');
};

/** Signs in once, then opens the matrix `runs` times, each in a fresh tab of the same session (the app's code cached). */
export const measureMatrixPage = async (opts: MatrixPageOptions): Promise<BrowserRun[]> => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    // A freshly started API on a large dataset can be slow to answer at first (PGlite blocks its event loop), more so on a busy machine.
    context.setDefaultTimeout(180_000);
    await context.addInitScript(probe);
    const login = await context.newPage();
    const started = Date.now();
    await signIn(login, opts);
    opts.log(`signed in through the sign-in screen in ${Date.now() - started} ms`);
    await login.close();
    const out: BrowserRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const page = await context.newPage();
      // `profile` (bench/browser.ts --profile): a CPU profile of the last opening (load and scrolls), summed by function.
      const profile = opts.profile && i === opts.runs - 1 ? await context.newCDPSession(page) : null;
      if (profile) await profile.send('Profiler.enable').then(() => profile.send('Profiler.start'));
      const run = await openMatrix(page, opts);
      if (profile) opts.log(`CPU profile of the last run, self time by function: ${topFunctions((await profile.send('Profiler.stop')).profile)}`);
      opts.log(`browser run ${i + 1}: interactive ${run.interactiveMs.toFixed(0)} ms (first cells ${run.firstCellsMs.toFixed(0)} ms, matrix received ${run.fetch.endMs.toFixed(0)} ms)`);
      if (i === opts.runs - 1) opts.log(`requests of the last run (ms from navigation start): ${run.waterfall.map((w) => `${w.name} ${w.start}–${w.end}`).join('; ')}`);
      out.push(run);
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
};
