import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { cells, duties } from '@bunkai/db';
import { parseCsv } from '../../src/modules/exchange/csv.ts';
import { IMPORT_LIMITS } from '../../src/modules/exchange/import-read.ts';
import { readXlsxBounded } from '../../src/modules/exchange/xlsx-read.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';

let t: TestApp;
let w: TemplateWorld;

const get = (token: string | null, format: 'csv' | 'xlsx', id = w.engagement.id) =>
  t.app.inject({ method: 'GET', url: `/api/v1/engagements/${id}/export.${format}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

const KICKOFF_NOTE = '=HYPERLINK("http://evil.example","髙")';
const REMARKS = '髙橋さん①〜③、ｶﾅ半角、"引用", 改行\r\n二行目';

beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app, '医療法人髙﨑会 ①病院');
  // Kickoff fields and terms are written by other routes; set them directly so this file only tests the export.
  const [gov01] = await t.database.db.select().from(duties).where(and(eq(duties.engagementId, w.engagement.id), eq(duties.code, 'GOV-01')));
  await t.database.db
    .update(cells)
    .set({
      firstCheckAnswer: 'yes',
      firstCheckOn: '2025-04-01',
      completedOn: '2025-05-15',
      kickoffNotes: KICKOFF_NOTE,
      terms: { responseTime: '4時間以内', frequency: '月1回', evidence: '作業報告書', remarks: REMARKS },
    })
    .where(and(eq(cells.dutyId, gov01!.id), isNull(cells.assetId)));
});
afterAll(() => t.close());

const dutyRows = () => t.database.db.select().from(duties).where(eq(duties.engagementId, w.engagement.id));
const cellCount = async () => (await t.database.db.select({ id: cells.id }).from(cells).where(eq(cells.engagementId, w.engagement.id))).length;

describe('GET /api/v1/engagements/:id/export.csv', () => {
  it('exports one row per cell in catalog order (part, order), UTF-8 with BOM and CRLF, Japanese byte-exact', async () => {
    const res = await get(w.vendor.session.accessToken, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="bunkai-matrix-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^電子カルテ更改 責任分界協議_分担表_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.replace(/"[^"]*"/g, '').split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);

    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    const partyNames = w.parties.map((p) => p.displayName);
    expect(header).toEqual(['項番', '確認表項番', '項目コード', '項目', '内容', 'フェーズ', '分類', '根拠', '対象資産', '資産種別', ...partyNames, '状態', '対応時間', '頻度', '証跡', '特記事項', '対象外理由', '初回確認', '初回確認日', '完了日', '備考']);
    expect(partyNames).toContain('医療法人髙﨑会 ①病院');
    expect(rows).toHaveLength(await cellCount());

    // Every duty's Japanese title and description, exactly as stored.
    const byCode = new Map((await dutyRows()).map((d) => [d.code, d]));
    for (const r of rows) {
      const d = byCode.get(r[2]!)!;
      expect([r[1], r[3], r[4]]).toEqual([d.kakuninhyoItem ?? '', d.titleJa, d.descriptionJa]);
      expect(r[0]).toMatch(new RegExp(`^P${d.kakuninhyoPart}-\\d{3}$`));
      // Citations, never internal document ids or unverified row numbers.
      expect(r[7]).not.toMatch(/mhlw-gl6-ops|cyber-checklist|role-split|2-\(7/);
    }
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(byCode.keys()));
    // The catalog's own numbering, in order, and never a text a spreadsheet reads as a date (「1-30」).
    const numbers = [...new Set(rows.map((r) => r[0]!))];
    expect(numbers).toEqual([...numbers].sort());
    expect(rows.every((r) => !/^\d+-\d+$/.test(r[0]!))).toBe(true);
    // The VPN patch gap leads the table (the template puts it first) and is numbered P1-001, not 「1-0」.
    expect(rows[0]![2]).toBe('VUL-02');
    expect(rows[0]![0]).toBe('P1-001');
    // Official 確認表 numbers only where verified.
    expect(new Set(rows.map((r) => r[1]).filter(Boolean))).toEqual(new Set([...byCode.values()].flatMap((d) => (d.kakuninhyoItem ? [d.kakuninhyoItem] : []))));
    expect([...new Set(rows.map((r) => r[1]).filter(Boolean))].every((n) => ['Part1 1-①', 'Part2 A-1', 'Part2 A-8'].includes(n!))).toBe(true);

    // GOV-01 is engagement-wide, suggested by the template (hospital RA, vendors R), with kickoff fields set above.
    const col = (name: string) => header!.indexOf(name);
    const gov = rows.find((r) => r[2] === 'GOV-01')!;
    expect(gov[col('根拠')]).toContain('R6チェックリスト 1-(1)');
    expect(gov[col('対象資産')]).toBe('全体');
    expect(gov[col('医療法人髙﨑会 ①病院')]).toBe('R/A');
    expect(gov[col('状態')]).toBe('提案中');
    expect([gov[col('初回確認')], gov[col('初回確認日')], gov[col('完了日')]]).toEqual(['はい', '2025-04-01', '2025-05-15']);
    expect(gov[col('特記事項')]).toBe(REMARKS);
    // Formula injection: the note is prefixed with a quote in CSV.
    expect(gov[col('備考')]).toBe(`'${KICKOFF_NOTE}`);
    const vpn = rows.find((r) => r[col('資産種別')] === 'VPN装置');
    expect(vpn?.[col('対象資産')]).toBe('リモート保守用VPN装置');
  });

  it('is readable by every role; non-parties get 404, anonymous callers 401', async () => {
    for (const m of [w.owner, w.hospitalMember, w.observer]) expect((await get(m.session.accessToken, 'csv')).statusCode).toBe(200);
    expect((await get(null, 'csv')).statusCode).toBe(401);
    const outsider = await get(w.outsider.session.accessToken, 'csv');
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await get(w.owner.session.accessToken, 'csv', crypto.randomUUID())).statusCode).toBe(404);
    expect((await get(w.owner.session.accessToken, 'csv', 'not-a-uuid')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/engagements/:id/export.xlsx', () => {
  it('exports the same table as .xlsx with a bold frozen header and set widths; Japanese byte-exact', async () => {
    const res = await get(w.observer.session.accessToken, 'xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/filename="bunkai-matrix-[\d-]+\.xlsx"; filename\*=UTF-8''/);
    const xlsx = { records: await readXlsxBounded(res.rawPayload, IMPORT_LIMITS) };
    const csv = parseCsv((await get(w.owner.session.accessToken, 'csv')).rawPayload.toString('utf8'));
    if (!csv.ok) throw new Error(csv.message);
    // Identical except that .xlsx needs no formula neutralization and breaks lines with LF, as Excel does.
    const unquote = (f: string) => (f.startsWith("'=") ? f.slice(1) : f).replace(/\r\n/g, '\n');
    // Date cells hold Excel serial days (formatted by the cell's number format); as text they read as the day.
    const dateColumns = new Set(['初回確認日', '完了日'].map((h) => csv.records[0]!.fields.indexOf(h)));
    const serialToDay = (f: string, i: number) =>
      dateColumns.has(i) && /^\d+$/.test(f) ? new Date(Date.UTC(1899, 11, 30) + Number(f) * 86_400_000).toISOString().slice(0, 10) : f;
    const padded = (fields: string[], n: number) => [...fields, ...Array<string>(Math.max(0, n - fields.length)).fill('')];
    const width = csv.records[0]!.fields.length;
    expect(xlsx.records.map((r) => padded(r.fields, width).map(serialToDay))).toEqual(csv.records.map((r) => r.fields.map(unquote)));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('責任分担表');
    // Printing: A4 landscape, one page wide and as many tall as needed, header row on every page.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(4).width).toBe(36);
    // The formula-like note is a plain string cell, never a formula.
    let gov: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(3).value === 'GOV-01') gov = row;
    });
    // Dates are real date cells with a date format; text cells wrap.
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const firstCheckOn = gov!.getCell(headers.indexOf('初回確認日') + 1);
    expect(firstCheckOn.type).toBe(ExcelJS.ValueType.Date);
    expect(firstCheckOn.value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(firstCheckOn.numFmt).toBe('yyyy-mm-dd');
    expect(gov!.getCell(headers.indexOf('内容') + 1).alignment?.wrapText).toBe(true);
    expect(gov!.getCell(sheet.getRow(1).cellCount).value).toBe(KICKOFF_NOTE);
    expect(gov!.getCell(sheet.getRow(1).cellCount).type).toBe(ExcelJS.ValueType.String);
  });

  it('denies non-parties (404) and anonymous callers (401)', async () => {
    expect((await get(null, 'xlsx')).statusCode).toBe(401);
    expect((await get(w.outsider.session.accessToken, 'xlsx')).statusCode).toBe(404);
  });
});
