import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOrganizationDuty } from '@bunkai/domain';
import { toCsv } from '../../src/modules/exchange/csv.ts';
import { writeXlsx } from '../../src/modules/exchange/xlsx.ts';
import type { Member } from '../../src/seed/factories.ts';
import { createStructureFactories } from '../../src/seed/structure-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: ReturnType<typeof createStructureFactories>;

const HEADER = ['code', 'title_ja', 'description_ja', 'phase', 'category', 'applies_to', 'part', 'order', 'references'];
const ROWS = [
  ['OWN-01', '当院独自：髙度管理医療機器①の点検〜報告', '臨床工学技士が月次点検し、結果を ｼｽﾃﾑ 管理者へ報告する。', '平常時', '資産管理', '医療機器', '2', '100', '院内規程 第12条'],
  ['OWN-02', '委託先の再委託承認', '再委託には事前の書面承認を要する。', 'pre_contract', 'contract', '', '1', '110', '院内規程 第3条 | 2024年改定'],
];
const REVISED = [[...ROWS[0]!.slice(0, 1), '改訂：髙度管理医療機器の点検', ...ROWS[0]!.slice(2)]];
const URL = '/api/v1/organization/duties';
const upload = (m: Member | null, body: string | Buffer, type: string) =>
  t.app.inject({ method: 'POST', url: `${URL}/import`, payload: body, headers: { 'content-type': type, ...(m ? { authorization: `Bearer ${m.session.accessToken}` } : {}) } });

beforeAll(async () => {
  t = await createTestApp();
  f = createStructureFactories(t.app);
});
afterAll(() => t.close());

/** Each test gets a hospital of its own, so no test depends on another's catalog (any order passes). */
const hospital = async () => {
  const admin = await f.registerOrganization({ name: '髙島総合病院', kind: 'hospital' });
  return { admin, member: await f.addMember(admin) };
};
const seedCatalog = async (admin: Member, rows: string[][]) => expect((await upload(admin, toCsv([HEADER, ...rows]), 'text/csv')).statusCode).toBe(201);

describe('organization duty catalog', () => {
  it('imports a CSV into the organization catalog (admins) and lists it with Japanese text intact', async () => {
    const { admin, member } = await hospital();
    const res = await upload(admin, toCsv([HEADER, ...ROWS]), 'text/csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 2, replaced: 0 });
    const list = await member.http.get<{ duties: TOrganizationDuty[] }>(URL);
    expect(list.status).toBe(200);
    expect(list.body.duties.map((d) => d.code)).toEqual(['OWN-02', 'OWN-01']);
    const own1 = list.body.duties.find((d) => d.code === 'OWN-01')!;
    expect(own1).toMatchObject({
      organizationId: admin.session.organization.id,
      title: { ja: ROWS[0]![1], en: ROWS[0]![1] },
      description: { ja: ROWS[0]![2], en: ROWS[0]![2] },
      phase: 'normal',
      category: 'asset_management',
      appliesTo: ['medical_device'],
      kakuninhyoPart: 2,
      order: 100,
      references: [{ document: '院内規程', section: '第12条' }],
    });
    expect(list.body.duties.find((d) => d.code === 'OWN-02')!.references).toEqual([{ document: '院内規程', section: '第3条', note: '2024年改定' }]);
  });

  it('replaces existing codes on re-import (.xlsx) and keeps catalogs per organization', async () => {
    const { admin } = await hospital();
    const otherAdmin = await f.registerOrganization({ kind: 'vendor' });
    await seedCatalog(admin, ROWS);
    const file = await writeXlsx('catalog', HEADER.map((h) => ({ header: h, width: 20 })), REVISED);
    const res = await upload(admin, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 1, replaced: 1 });
    const list = await admin.http.get<{ duties: TOrganizationDuty[] }>(URL);
    expect(list.body.duties).toHaveLength(2);
    expect(list.body.duties.find((d) => d.code === 'OWN-01')!.title.ja).toBe('改訂：髙度管理医療機器の点検');
    expect((await otherAdmin.http.get<{ duties: unknown[] }>(URL)).body.duties).toEqual([]);
  });

  it('refuses invalid files whole, with row errors', async () => {
    const { admin } = await hospital();
    await seedCatalog(admin, [...REVISED, ROWS[1]!]);
    const res = await upload(admin, toCsv([HEADER, ROWS[0]!, ['OWN-03', '', '', 'someday', 'contract', '', '9', '1', '']]), 'text/csv');
    expect(res.statusCode).toBe(400);
    const rows = res.json().error.details.rows as { row: number; column: string }[];
    expect(rows.map((r) => `${r.row}:${r.column}`).sort()).toEqual(['3:description_ja', '3:part', '3:phase', '3:references', '3:title_ja']);
    expect((await admin.http.get<{ duties: TOrganizationDuty[] }>(URL)).body.duties.find((d) => d.code === 'OWN-01')!.title.ja).toBe('改訂：髙度管理医療機器の点検');
  });

  it('lets only organization admins import; anonymous callers get 401', async () => {
    const { member } = await hospital();
    const denied = await upload(member, toCsv([HEADER, ...ROWS]), 'text/csv');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('org_admin_only');
    expect((await upload(null, toCsv([HEADER, ...ROWS]), 'text/csv')).statusCode).toBe(401);
    expect((await f.anonymous.get(URL)).status).toBe(401);
  });
});
