import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cells, duties } from '@bunkai/db';
import type { TChainVerification, TDuty, TEventsPage, TImportRowError } from '@bunkai/domain';
import { BOM, parseCsv, toCsv } from '../../src/modules/exchange/csv.ts';
import { writeXlsx } from '../../src/modules/exchange/xlsx.ts';
import type { Member } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';

let t: TestApp;
let w: TemplateWorld;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JA_HEADER = ['コード', '項目', '項目（英語）', '内容', '内容（英語）', 'フェーズ', '分類', '対象資産種別', '観点', 'パート', '順序', '出典'];
const EN_HEADER = ['code', 'title_ja', 'title_en', 'description_ja', 'description_en', 'phase', 'category', 'applies_to', 'concerns', 'part', 'order', 'references'];

/** Rows with the characters that break naive encodings: 髙 (IBM extension), ①, 〜 (wave dash), half-width kana. */
const japaneseRows = (prefix: string) => [
  [`${prefix}-01`, '髙橋医院の①番目〜ｶﾅ確認', 'Check one', '「髙」と「①」、〜や ｶﾀｶﾅ を含む説明。\n二行目は "引用" と, カンマ。', 'Description one', '平常時', 'vulnerability', 'VPN装置, server', 'patch_management', '2', '5010', 'mhlw-gl6-ops §8.2; role-split-checklist-2024 Part2 A-1'],
  [`${prefix}-02`, '全体の連絡体制〜㈱ﾃｽﾄ', '', '案件全体に一つの分担。', '', 'emergency', 'インシデント対応', '', '', 'Part1', '', 'mhlw-gl6-ops §18 | 非常時の連絡'],
];

const post = (m: Member | null, body: string | Buffer, contentType: string, url = `/api/v1/engagements/${w.engagement.id}/duties/import`) =>
  t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, ...(m ? { authorization: `Bearer ${m.session.accessToken}` } : {}) } });

const head = async () => (await w.owner.http.get<TChainVerification>(`/api/v1/engagements/${w.engagement.id}/events/verify`)).body.count;
const dutyCount = async () => (await t.database.db.select({ id: duties.id }).from(duties).where(eq(duties.engagementId, w.engagement.id))).length;

beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app);
});
afterAll(() => t.close());

/** The stored duty must equal the file's row exactly (English falls back to Japanese when empty). */
const expectDutyFromRow = (d: TDuty | undefined, row: string[]) => {
  expect(d).toBeDefined();
  expect(d!.title).toEqual({ ja: row[1], en: row[2] || row[1] });
  expect(d!.description).toEqual({ ja: row[3], en: row[4] || row[3] });
};

describe('POST /api/v1/engagements/:id/duties/import', () => {
  it('imports a CSV with Japanese headers and text exactly, creates cells and appends duty.imported', async () => {
    const rows = japaneseRows('CSV');
    const before = await head();
    const res = await post(w.owner, toCsv([JA_HEADER, ...rows]), 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { imported: number; cells: number; duties: TDuty[] };
    expect(body.imported).toBe(2);
    // CSV-01 applies to the template's one VPN appliance and one server; CSV-02 is engagement-wide.
    expect(body.cells).toBe(3);
    expect(body.duties.find((d) => d.code === 'CSV-01')).toMatchObject({
      phase: 'normal',
      category: 'vulnerability',
      appliesTo: ['vpn_appliance', 'server'],
      concerns: ['patch_management'],
      kakuninhyoPart: 2,
      order: 5010,
      catalogVersion: null,
      references: [
        { document: 'mhlw-gl6-ops', section: '§8.2' },
        { document: 'role-split-checklist-2024', section: 'Part2 A-1' },
      ],
    });
    expect(body.duties.find((d) => d.code === 'CSV-02')).toMatchObject({ phase: 'emergency', category: 'incident_response', appliesTo: [], kakuninhyoPart: 1, order: 20, references: [{ document: 'mhlw-gl6-ops', section: '§18', note: '非常時の連絡' }] });

    const listed = await w.f.listDuties(w.vendor, w.engagement.id);
    for (const row of rows) expectDutyFromRow(listed.find((d) => d.code === row[0]), row);
    const newCells = await t.database.db.select().from(cells).where(eq(cells.dutyId, body.duties.find((d) => d.code === 'CSV-02')!.id));
    expect(newCells).toMatchObject([{ assetId: null, status: 'unassigned' }]);

    const events = await w.owner.http.get<TEventsPage>(`/api/v1/engagements/${w.engagement.id}/events?after=${before}`);
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0]).toMatchObject({ type: 'duty.imported', actorUserId: w.owner.session.user.id, payload: { codes: ['CSV-01', 'CSV-02'], format: 'csv', cells: 3 } });
    expect((await w.owner.http.get<TChainVerification>(`/api/v1/engagements/${w.engagement.id}/events/verify`)).body.ok).toBe(true);

    // …and the export carries them back out unchanged.
    const csv = parseCsv((await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${w.engagement.id}/export.csv`, headers: { authorization: `Bearer ${w.owner.session.accessToken}` } })).rawPayload.toString('utf8'));
    if (!csv.ok) throw new Error(csv.message);
    const exported = csv.records.filter((r) => r.fields[2] === 'CSV-01');
    expect(exported).toHaveLength(2);
    for (const r of exported) expect([r.fields[3], r.fields[4]]).toEqual([rows[0]![1], rows[0]![3]]);
  });

  it('imports an .xlsx with English headers exactly', async () => {
    const rows = japaneseRows('XLS');
    const file = await writeXlsx('duties', EN_HEADER.map((h) => ({ header: h, width: 20 })), rows);
    const res = await post(w.owner, file, XLSX);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 2, cells: 3 });
    const listed = await w.f.listDuties(w.owner, w.engagement.id);
    for (const row of rows) expectDutyFromRow(listed.find((d) => d.code === row[0]), row);
  });

  it('accepts JSON with base64 content, with or without a BOM', async () => {
    const rows = japaneseRows('B64');
    const contentBase64 = Buffer.from(toCsv([EN_HEADER, ...rows], { bom: false }), 'utf8').toString('base64');
    const res = await w.owner.http.post<{ imported: number }>(`/api/v1/engagements/${w.engagement.id}/duties/import`, { format: 'csv', contentBase64 });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    const bad = await w.owner.http.post(`/api/v1/engagements/${w.engagement.id}/duties/import`, { format: 'pdf', contentBase64 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses the whole file with every row problem at once, and writes nothing', async () => {
    const before = { events: await head(), duties: await dutyCount() };
    const rows = [
      ['NEW-01', '正しい行', '', '内容', '', 'normal', 'network', 'vpn_appliance', '', '2', '10', 'mhlw-gl6-ops §13'],
      ['NEW-02', '', '', '内容', '', '平日', 'network', '', '', '3', 'x', 'mhlw-gl6-ops'],
      ['NEW-01', '重複', '', '内容', '', 'normal', 'network', 'toaster', 'vibes', '1', '10', 'mhlw-gl6-ops §13'],
      ['GOV-01', '既存コード', '', '内容', '', 'normal', 'governance', '', '', '1', '10', 'mhlw-gl6-ops §1'],
      ['bad code!', '項目', '', '内容', '', 'normal', 'governance', '', '', '1', '10', 'mhlw-gl6-ops §1'],
    ];
    const res = await post(w.owner, toCsv([EN_HEADER, ...rows]), 'text/csv');
    expect(res.statusCode).toBe(400);
    const error = res.json().error as { code: string; details: { rows: TImportRowError[] } };
    expect(error.code).toBe('import_invalid');
    const problems = error.details.rows.map((r) => `${r.row}:${r.column}`).sort();
    expect(problems).toEqual(
      ['3:title_ja', '3:phase', '3:part', '3:order', '3:references', '4:code', '4:applies_to', '4:concerns', '6:code'].sort(),
    );
    expect(await dutyCount()).toBe(before.duties);
    expect(await head()).toBe(before.events);

    // A code the engagement already has is reported only once the file itself is valid.
    const taken = await post(w.owner, toCsv([EN_HEADER, rows[0]!, rows[3]!]), 'text/csv');
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details.rows).toEqual([{ row: 3, column: 'code', message: expect.stringContaining('GOV-01') }]);
    expect(await dutyCount()).toBe(before.duties);
  });

  it('reports missing columns, non-UTF-8 CSV, unreadable .xlsx, wrong media types and oversized files', async () => {
    const noTitle = await post(w.owner, `code,description_ja,phase,category,part,references\r\nX-1,a,normal,network,1,doc §1\r\n`, 'text/csv');
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error).toMatchObject({ code: 'import_invalid', details: { rows: [{ row: 1, column: 'title_ja' }] } });
    // Neither UTF-8 nor Shift_JIS (Shift_JIS files are read: see kakuninhyo-import.test.ts).
    const binary = Buffer.concat([Buffer.from(`${EN_HEADER.join(',')}\r\nX-1,`), Buffer.from([0xff, 0xfe, 0xff])]);
    const notUtf8 = await post(w.owner, binary, 'text/csv');
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.code).toBe('import_unreadable');
    const notXlsx = await post(w.owner, Buffer.from('not a zip'), XLSX);
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('import_unreadable');
    const unclosed = await post(w.owner, `${BOM}${EN_HEADER.join(',')}\r\n"X-1,oops`, 'text/csv');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error).toMatchObject({ code: 'import_invalid', details: { rows: [{ row: 2, column: 'csv' }] } });
    expect((await post(w.owner, 'code\nX', 'text/plain')).statusCode).toBe(415);
    const huge = await post(w.owner, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), 'text/csv');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('lets only the owner import: 401 anonymous, 404 non-party, 403 member/vendor/observer', async () => {
    const file = toCsv([EN_HEADER, ...japaneseRows('DENY')]);
    expect((await post(null, file, 'text/csv')).statusCode).toBe(401);
    expect((await post(w.outsider, file, 'text/csv')).statusCode).toBe(404);
    for (const m of [w.hospitalMember, w.vendor, w.observer]) {
      const r = await post(m, file, 'text/csv');
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
    }
    expect((await post(w.owner, file, 'text/csv', `/api/v1/engagements/${crypto.randomUUID()}/duties/import`)).statusCode).toBe(404);
    expect((await w.f.listDuties(w.owner, w.engagement.id)).some((d) => d.code.startsWith('DENY'))).toBe(false);
  });
});
