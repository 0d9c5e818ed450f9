/**
 * Web benchmark: production JS/CSS size (gzip) and the time to render the
 * reference matrix (150 duties × 60 assets, 8 parties, ~3,600 cells) in
 * headless Chromium, plus scroll smoothness through the whole grid. The API
 * is replaced by fixtures (page.route), so the figures are the web app's own.
 * Baseline, same run: the same matrix as a plain, non-virtualized HTML table.
 *
 *   npx tsx apps/web/bench/render-matrix.ts   →   docs/benchmarks-web.md
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { encodeMatrix, type TMatrixCell, type TMatrixResponse } from '@bunkai/domain';
import { WEB_DIR, buildWeb, launchBrowser } from '../e2e/harness.ts';
import { median, p95, scrollFrames } from './frames.ts';
import { asset, assignmentOf, cell, duty, ENGAGEMENT_ID, fid, party } from '../src/test/fixtures.ts';

const RUNS = 5;
const DIST = resolve(WEB_DIR, 'dist');
const OUT = resolve(WEB_DIR, '../../docs/benchmarks-web.md');

/** ~40 % of duty × asset pairs hold a cell, as in the reference engagement; statuses and proposals mixed. */
const referenceMatrix = (): TMatrixResponse => {
  const parties = Array.from({ length: 8 }, (_, i) => party(i, i === 0 ? 'hospital' : 'ehr_vendor'));
  const assets = Array.from({ length: 60 }, (_, i) => asset(i));
  const duties = Array.from({ length: 150 }, (_, i) => duty(i));
  const cells: TMatrixCell[] = [];
  for (let d = 0; d < 150; d++)
    for (let a = 0; a < 60; a++) {
      if ((d * 7 + a * 3) % 5 >= 2) continue;
      const assignment = assignmentOf([
        [0, ['A']],
        [1 + ((d + a) % 7), ['R']],
        [1 + ((d + 2 * a) % 7), ['C']],
      ]);
      const kind = (d + a) % 6;
      const status = kind < 3 ? 'agreed' : kind === 3 ? 'proposed' : kind === 4 ? 'unassigned' : 'disputed';
      cells.push(
        cell(d, a, {
          status,
          assignment: status === 'agreed' ? assignment : null,
          findingCodes: status === 'unassigned' ? ['unassigned'] : [],
          openProposal:
            status === 'proposed' || status === 'disputed'
              ? { id: fid(6, d * 100 + a), proposerPartyId: fid(1, 1), proposerUserId: null, assignment, terms: { responseTime: '', frequency: '', evidence: '', remarks: '' }, reason: '', suggested: true, supersedesId: null, acceptedBy: [], pendingFrom: [fid(1, 0)], rejectedBy: status === 'disputed' ? [fid(1, 0)] : [], createdAt: '2026-01-01T00:00:00.000Z' }
              : null,
        }),
      );
    }
  return { engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' }, parties, assets, duties, totalCells: cells.length, cells };
};

const matrix = referenceMatrix();
const summary = {
  ...{ id: ENGAGEMENT_ID, ownerOrganizationId: fid(9, 0), title: '参照案件（大規模病院）', systemName: '電子カルテ', description: '', serviceModel: 'on_prem', provisionPattern: 'separate_contracts', status: 'negotiating' },
  ...{ requireTwoFactorToSign: true, catalogVersion: null, templateCode: null, archivedAt: null, version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
  ...{ myRoles: ['owner', 'member'], myPartyId: fid(1, 0), progress: { total: matrix.cells.length, agreed: 0, notApplicable: 0 }, blockingFindings: 0 },
  parties: matrix.parties.map((p) => ({ id: p.id, role: p.role, displayName: p.displayName, organizationId: p.organizationId })),
};
/** What the refresh endpoint answers; storage holds only who is signed in (user, organization), as the app keeps it. */
const session = {
  accessToken: 'bench',
  expiresIn: 900,
  user: { id: fid(8, 0), organizationId: fid(9, 0), email: 'bench@example.test', displayName: 'Bench', orgRole: 'admin', totpEnabled: false, createdAt: '2026-01-01T00:00:00.000Z' },
  organization: { id: fid(9, 0), name: 'Bench Hospital', kind: 'hospital', createdAt: '2026-01-01T00:00:00.000Z' },
};

const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

/** Serves dist/ and fakes the few API answers the matrix page asks for. */
const wire = async (page: Page, origin: string) => {
  const matrixBody = JSON.stringify(encodeMatrix(matrix));
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const p = url.pathname;
    if (p === '/api/v1/auth/session/refresh') return json(route, session);
    if (p === `/api/v1/engagements/${ENGAGEMENT_ID}`) return json(route, { engagement: summary, parties: matrix.parties });
    if (p === `/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`) return route.fulfill({ status: 200, contentType: 'application/json', body: matrixBody });
    if (p === `/api/v1/engagements/${ENGAGEMENT_ID}/events`) return json(route, { events: [], nextAfter: null });
    if (p.startsWith('/api/')) return json(route, { error: { code: 'unavailable', message: 'bench' }, requestId: 'bench' }, 503);
    const file = p.startsWith('/assets/') ? resolve(DIST, `.${p}`) : resolve(DIST, 'index.html');
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  await page.addInitScript((s) => localStorage.setItem('bunkai.session', JSON.stringify(s)), { user: session.user, organization: session.organization });
};

const baselineHtml = () => {
  const byKey = new Map(matrix.cells.map((c) => [`${c.dutyId}:${c.assetId}`, c]));
  const rows = matrix.duties
    .map((d) => `<tr><th>${d.code} ${d.title.ja}</th>${matrix.assets.map((a) => `<td>${byKey.get(`${d.id}:${a.id}`)?.status ?? ''}</td>`).join('')}</tr>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><div class="baseline-scroll" style="height:700px;overflow:auto"><table><thead><tr><th></th>${matrix.assets.map((a) => `<th>${a.name}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`;
};

const main = async () => {
  await buildWeb();
  const assets = readdirSync(resolve(DIST, 'assets'));
  const size = (ext: string) =>
    assets.filter((f) => f.endsWith(ext)).reduce((acc, f) => {
      const buf = readFileSync(resolve(DIST, 'assets', f));
      return { raw: acc.raw + buf.length, gzip: acc.gzip + gzipSync(buf, { level: 9 }).length };
    }, { raw: 0, gzip: 0 });
  const js = size('.js');
  const css = size('.css');

  const browser = await launchBrowser();
  const origin = 'http://bunkai.bench';
  type Run = { render: number; domCells: number; wheel: number[]; jump: number[] };
  const app: Run[] = [];
  const base: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
    const page = await ctx.newPage();
    await wire(page, origin);
    await page.goto(`${origin}/engagements/${ENGAGEMENT_ID}/matrix`);
    await page.waitForSelector('.mx-cell[data-cell-id]', { timeout: 30_000 });
    const render = await page.evaluate(() => performance.now());
    const domCells = await page.evaluate(() => document.querySelectorAll('[role="gridcell"]').length);
    app.push({ render, domCells, wheel: await scrollFrames(page, 'wheel'), jump: await scrollFrames(page, 'jump') });
    await ctx.close();

    const bctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const bpage = await bctx.newPage();
    await bpage.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>baseline</title>' }));
    await bpage.goto(`${origin}/baseline`);
    const html = baselineHtml();
    const render2 = await bpage.evaluate((h) => {
      const t0 = performance.now();
      document.body.innerHTML = h;
      void document.body.offsetHeight; // force layout, as the app's first paint does
      return performance.now() - t0;
    }, html);
    const domCells2 = await bpage.evaluate(() => document.querySelectorAll('td').length);
    base.push({ render: render2, domCells: domCells2, wheel: await scrollFrames(bpage, 'wheel'), jump: await scrollFrames(bpage, 'jump') });
    await bctx.close();
  }
  await browser.close();

  const appRender = median(app.map((r) => r.render));
  const baseRender = median(base.map((r) => r.render));
  const frames = (runs: Run[], k: 'wheel' | 'jump') => runs.flatMap((r) => r[k]);
  const row = (label: string, k: 'wheel' | 'jump', f: (xs: number[]) => number) => {
    const a = f(frames(app, k));
    const b = f(frames(base, k));
    return `| ${label} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${(a / Math.max(0.1, b)).toFixed(2)}× |`;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const md = `## Web app (apps/web)

Measured by \`npx tsx apps/web/bench/render-matrix.ts\` on this machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}), headless Chromium (Debian), viewport 1366×768, ${RUNS} runs, medians. The API is replaced by fixtures so the figures are the web app's own.

**Production bundle** (\`vite build\`):

| asset | raw | gzip |
|---|---:|---:|
| JavaScript | ${kb(js.raw)} | ${kb(js.gzip)} |
| CSS | ${kb(css.raw)} | ${kb(css.gzip)} |

**Reference matrix**: ${matrix.duties.length} duties × ${matrix.assets.length} assets, ${matrix.parties.length} parties, ${matrix.cells.length.toLocaleString('en')} cells.

| measure | Bunkai matrix (virtualized) | baseline: plain HTML table, same data | ratio |
|---|---:|---:|---:|
| time to first render | ${appRender.toFixed(0)} ms (navigation start → cells on screen, incl. loading the app and parsing the matrix JSON) | ${baseRender.toFixed(0)} ms (innerHTML + layout only) | ${(appRender / Math.max(1, baseRender)).toFixed(2)}× |
| grid cells in the DOM | ${median(app.map((r) => r.domCells))} | ${median(base.map((r) => r.domCells))} | ${(median(app.map((r) => r.domCells)) / Math.max(1, median(base.map((r) => r.domCells)))).toFixed(2)}× |
${row('wheel scroll (240 px per frame), median frame', 'wheel', median)}
${row('wheel scroll, p95 frame', 'wheel', p95)}
${row('jump scroll (new screenful every frame), median frame', 'jump', median)}
${row('jump scroll, p95 frame', 'jump', p95)}

Scroll frames are the time between consecutive animation frames while the grid scrolls one step per frame; 16.7 ms is one frame at 60 Hz. Wheel: 240 px down per frame through the whole grid. Jump: 40 diagonal steps top-left → bottom-right, so every frame draws a screenful of cells it has not drawn before.
`;
  // keep the sections others write between markers (bench/browser.ts: the real API; bench/bundle-size.ts; notes)
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const kept = [...old.matchAll(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g)].map((m) => m[0]);
  writeFileSync(OUT, [md, ...kept].join('\n') + (kept.length ? '\n' : ''));
  console.log(md);
};

await main();
