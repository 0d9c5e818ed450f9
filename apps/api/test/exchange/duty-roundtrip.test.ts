import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDuty, TEngagement } from '@bunkai/domain';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';

let t: TestApp;
let w: TemplateWorld;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app);
});
afterAll(() => t.close());

const exportDuties = (format: 'csv' | 'xlsx', token: string | null = w.owner.session.accessToken, id = w.engagement.id) =>
  t.app.inject({ method: 'GET', url: `/api/v1/engagements/${id}/duties/export.${format}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

const listDuties = async (engagementId: string) => (await w.owner.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${engagementId}/duties`)).body.duties;

/** What an import must carry over: the definition, not the engagement's ids, versions or 対象外 state. */
const definition = ({ id: _i, engagementId: _e, catalogVersion: _c, notApplicableReason: _n, version: _v, ...d }: TDuty) => d;

const freshEngagement = async (title: string) =>
  (await w.owner.http.post<{ engagement: TEngagement }>('/api/v1/engagements', { title, systemName: '電子カルテ' })).body.engagement;

describe('GET /api/v1/engagements/:id/duties/export.{csv,xlsx} → POST …/duties/import', () => {
  for (const format of ['csv', 'xlsx'] as const)
    it(`round-trips every duty unchanged through ${format} into another engagement`, async () => {
      const source = await listDuties(w.engagement.id);
      expect(source.length).toBeGreaterThan(50);
      expect(source.some((d) => d.kakuninhyoItem !== undefined)).toBe(true);

      const file = await exportDuties(format);
      expect(file.statusCode, file.body).toBe(200);
      expect(String(file.headers['content-disposition'])).toContain(`bunkai-duties-`);
      // Printed citations, never the internal document ids.
      expect(file.rawPayload.toString('utf8')).not.toContain('mhlw-gl6-ops');

      const target = await freshEngagement(`取込先 ${format}`);
      const imported = await t.app.inject({
        method: 'POST',
        url: `/api/v1/engagements/${target.id}/duties/import`,
        payload: file.rawPayload,
        headers: { 'content-type': format === 'csv' ? 'text/csv' : XLSX, authorization: `Bearer ${w.owner.session.accessToken}` },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      expect((await listDuties(target.id)).map(definition)).toEqual(source.map(definition));
    });

  it('writes the import layout: canonical headers, Japanese labels, Part and order', async () => {
    const text = (await exportDuties('csv')).rawPayload.toString('utf8');
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('code,title_ja,title_en,description_ja,description_en,phase,category,applies_to,concerns,part,order,kakuninhyo_item,references');
    expect(first).toMatch(/,Part1,0,/);
  });

  it('is readable by every party; outsiders get 404, anonymous callers 401', async () => {
    for (const m of [w.vendor, w.observer, w.hospitalMember]) expect((await exportDuties('csv', m.session.accessToken)).statusCode).toBe(200);
    expect((await exportDuties('xlsx', w.outsider.session.accessToken)).statusCode).toBe(404);
    expect((await exportDuties('csv', null)).statusCode).toBe(401);
  });
});
