import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/modules/exchange/csv.ts';
import { IMPORT_LIMITS } from '../../src/modules/exchange/import-read.ts';
import { writeXlsx } from '../../src/modules/exchange/xlsx.ts';
import { XlsxReadError, readXlsxBounded } from '../../src/modules/exchange/xlsx-read.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';
import { xlsxBomb } from './zip-fixtures.ts';

let t: TestApp;
let w: TemplateWorld;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

const post = (body: Buffer | string, contentType: string, url = `/api/v1/engagements/${w.engagement.id}/duties/import`) =>
  t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, authorization: `Bearer ${w.owner.session.accessToken}` } });

beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app);
});
afterAll(() => t.close());

describe('bounded imports (XLSX bomb, caps on rows, columns and cells)', () => {
  it('refuses a 1 MB .xlsx that inflates to 1 GiB with 413, quickly and with bounded memory — honest or lying headers, three at once', async () => {
    const honest = xlsxBomb(1024);
    const lying = xlsxBomb(1024, { lie: true });
    expect(honest.length).toBeLessThan(1.1 * MB);
    // Warm the worker first so the measurement is about the bombs, not about starting a thread.
    expect((await post(honest, XLSX)).statusCode).toBe(413);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const answers = await Promise.all([post(honest, XLSX), post(lying, XLSX), post(lying, XLSX)]);
    const elapsed = Date.now() - started;
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error.message).toMatch(/inflates beyond 32 MB/);
    }
    expect(elapsed).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('keeps the health endpoint answering while a large (legal) workbook is read off the event loop', async () => {
    // 30 MiB of sheet XML: under the inflation cap, so it is inflated and parsed in full (then refused: no rows).
    const heavy = xlsxBomb(30);
    let done = false;
    const importing = post(heavy, XLSX).then((res) => {
      done = true;
      return res;
    });
    const latencies: number[] = [];
    let answeredDuring = 0;
    while (!done) {
      const sent = Date.now();
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      latencies.push(Date.now() - sent);
      expect(health.statusCode).toBe(200);
      if (!done) answeredDuring += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await importing;
    expect(res.statusCode).toBe(400);
    expect(answeredDuring).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('caps rows and columns of a CSV with 413 and answers malformed input with 400, never 500', async () => {
    const header = ['code', 'title_ja', 'description_ja', 'phase', 'category', 'part', 'references'];
    const rows = Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`X-${i}`, 't', 'd', 'normal', 'network', '1', 'doc §1']);
    expect((await post(toCsv([header, ...rows]), 'text/csv')).statusCode).toBe(413);
    const wide = [[...header, ...Array.from({ length: IMPORT_LIMITS.maxColumns }, (_, i) => `extra${i}`)]];
    expect((await post(toCsv(wide), 'text/csv')).statusCode).toBe(413);
    for (const junk of [Buffer.from('PK\u0003\u0004 broken'), xlsxBomb(1).subarray(0, 4000), Buffer.alloc(0)]) {
      const res = await post(junk, XLSX);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('import_unreadable');
    }
  });

  it('stops reading an .xlsx at the row, column and cell caps', async () => {
    const book = await writeXlsx('s', [{ header: 'a', width: 5 }, { header: 'b', width: 5 }], Array.from({ length: 30 }, (_, i) => [`a${i}`, `b${i}`]));
    const limits = { ...IMPORT_LIMITS };
    expect((await readXlsxBounded(book, limits)).length).toBe(31);
    for (const capped of [{ ...limits, maxRows: 20 }, { ...limits, maxColumns: 1 }, { ...limits, maxCells: 50 }]) {
      const error = await readXlsxBounded(book, capped).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XlsxReadError);
      expect((error as XlsxReadError).tooLarge).toBe(true);
    }
  });
});
