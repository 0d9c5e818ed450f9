import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TDuty, type TOrganizationDuty, catalogItemNumbers } from '@bunkai/domain';
import { documentText, part, unzipDocx } from '../../../../packages/docx/src/fixtures/read-docx.ts';
import { parseCsv } from '../../src/modules/exchange/csv.ts';
import type { Member } from '../../src/seed/factories.ts';
import { createStructureFactories } from '../../src/seed/structure-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { KAKUNINHYO_ITEMS, KAKUNINHYO_ROWS, kakuninhyoFile } from './kakuninhyo-fixture.ts';

let t: TestApp;
let f: ReturnType<typeof createStructureFactories>;

beforeAll(async () => {
  t = await createTestApp();
  f = createStructureFactories(t.app);
});
afterAll(() => t.close());

const auth = (m: Member) => ({ authorization: `Bearer ${m.session.accessToken}` });
const upload = (m: Member, url: string, file: { body: Buffer; contentType: string }) =>
  t.app.inject({ method: 'POST', url: `${url}?profile=kakuninhyo`, payload: file.body, headers: { 'content-type': file.contentType, ...auth(m) } });

/** The fixture's item rows (those with a 項番), as the duties must hold them. */
const ITEM_ROWS = KAKUNINHYO_ROWS.filter((r) => r.length > 1 && r[1] !== '' && r[1] !== '項番');

const expectSheet = (duties: readonly (TDuty | TOrganizationDuty)[]) => {
  expect(duties.map((d) => d.kakuninhyoItem)).toEqual(KAKUNINHYO_ITEMS);
  expect(duties.map((d) => d.code)).toEqual(['KH1-1-1', 'KH1-1-2', 'KH2-A-1', 'KH2-A-2', 'KH2-A-8', 'KH2-B-1']);
  duties.forEach((d, i) => {
    const [, number, title, content, risk, recommended, guideline] = ITEM_ROWS[i]!;
    expect(d.title.ja).toBe(title);
    expect(d.description.ja.startsWith(content!)).toBe(true);
    if (risk) expect(d.description.ja).toContain(`【想定されるリスク】\n${risk}`);
    if (recommended) expect(d.description.ja).toContain(`【推奨される対応例】\n${recommended}`);
    expect(d.kakuninhyoPart).toBe(number!.startsWith('1') ? 1 : 2);
    expect(d.references[0]).toEqual({
      document: 'role-split-checklist-2024',
      section: KAKUNINHYO_ITEMS[i],
      ...(guideline ? { note: `ガイドライン等関連部分: ${guideline}` } : {}),
    });
  });
};

describe('the official 確認表, loaded 1:1 (?profile=kakuninhyo)', () => {
  it('imports the .xlsx into the organization catalog with the official numbers, then into an engagement in the sheet order', async () => {
    const admin = await f.registerOrganization({ name: '髙島総合病院', kind: 'hospital' });
    const res = await upload(admin, '/api/v1/organization/duties/import', await kakuninhyoFile('xlsx'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 6, replaced: 0 });
    const catalog = (await admin.http.get<{ duties: TOrganizationDuty[] }>('/api/v1/organization/duties')).body.duties;
    expectSheet(catalog);

    // From the organization's catalog into an engagement: same numbers, same order.
    const engagement = await f.createEngagement(admin);
    const added = await admin.http.post<{ duties: TDuty[] }>(`/api/v1/engagements/${engagement.id}/duties`, { organizationCodes: [...catalog.map((d) => d.code)].reverse() });
    expect(added.status).toBe(201);
    const duties = (await admin.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${engagement.id}/duties`)).body.duties;
    expectSheet(duties);
    expect(duties.every((d) => d.catalogVersion === null)).toBe(true);

    // The matrix export numbers them with their official numbers in 確認表項番, in the sheet's order.
    const csv = parseCsv((await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${engagement.id}/export.csv`, headers: auth(admin) })).rawPayload.toString('utf8'));
    if (!csv.ok) throw new Error(csv.message);
    const [header, ...rows] = csv.records.map((r) => r.fields);
    expect(rows.map((r) => r[header!.indexOf('確認表項番')])).toEqual(KAKUNINHYO_ITEMS);
    expect(rows.map((r) => r[header!.indexOf('根拠')])).toContain('役割分担確認表（2024） Part2 A-8');

    // The annex (責任分担表) prints each duty's 項番 (as the web and the exports) with its official number in the
    // 確認表項番 column beside it, in the sheet's order.
    const annex = await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${engagement.id}/annex.docx`, headers: auth(admin) });
    expect(annex.statusCode).toBe(200);
    const text = documentText(part(unzipDocx(annex.rawPayload), 'word/document.xml'));
    const numbers = catalogItemNumbers(duties);
    const at = duties.map((d) => text.indexOf(`| ${numbers.get(d.code)} | ${d.kakuninhyoItem} |`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).not.toContain('role-split-checklist-2024');
  });

  for (const format of ['utf8', 'sjis'] as const)
    it(`imports a ${format === 'utf8' ? 'UTF-8' : 'Shift_JIS (Windows-31J, as Japanese Excel saves CSV)'} CSV into an engagement with the same numbers and text`, async () => {
      const admin = await f.registerOrganization({ name: `病院 ${format}`, kind: 'hospital' });
      const engagement = await f.createEngagement(admin);
      const res = await upload(admin, `/api/v1/engagements/${engagement.id}/duties/import`, await kakuninhyoFile(format));
      expect(res.statusCode, res.body).toBe(201);
      const duties = (await admin.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${engagement.id}/duties`)).body.duties;
      expectSheet(duties);
      expect(duties[1]!.title.ja).toBe('【テストデータ】髙橋医院の架空項目～ｶﾅ');
    });

  it('refuses a file without the 確認表 header, and rows without a Part, with 400 and row details', async () => {
    const admin = await f.registerOrganization({ name: '別病院', kind: 'hospital' });
    const url = '/api/v1/organization/duties/import';
    const noHeader = await upload(admin, url, { body: Buffer.from('code,title_ja\r\nX-1,a\r\n'), contentType: 'text/csv' });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error).toMatchObject({ code: 'import_invalid', details: { rows: [{ row: 1, column: 'header' }] } });
    const noPart = await upload(admin, url, { body: Buffer.from('項番,項目,内容\r\n1-①,項目,内容\r\n'), contentType: 'text/csv' });
    expect(noPart.statusCode).toBe(400);
    expect(noPart.json().error.details.rows).toEqual([{ row: 2, column: 'Part', message: expect.stringContaining('No Part') }]);
  });
});
