import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells, proposals, verifyChain } from '@bunkai/db';
import { type Factories, type Member, createFactories } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: Factories;
let hospital: Member;
let vendor: Member;

type Summary = { id: string; version: number; status: string; myRoles: string[]; progress: { total: number; agreed: number }; blockingFindings: number; parties: { role: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  f = createFactories(t.app);
  hospital = await f.registerOrganization({ name: 'デモ総合病院', kind: 'hospital' });
  vendor = await f.registerOrganization({ name: 'ベンダー株式会社', kind: 'vendor' });
});
afterAll(() => t.close());

const createFromTemplate = async (templateCode = 'onprem-ehr-vpn') => {
  const r = await hospital.http.post<{ engagement: { id: string; version: number } }>('/api/v1/engagements', {
    title: '電子カルテ更改',
    systemName: '電子カルテシステム',
    templateCode,
  });
  expect(r.status).toBe(201);
  return r.body.engagement;
};

describe('engagements', () => {
  it('creates from a template: placeholder parties, assets, duties, cells and only suggested proposals', async () => {
    const e = await createFromTemplate();
    const got = await hospital.http.get<{ engagement: Summary; parties: { role: string; organizationId: string | null }[] }>(`/api/v1/engagements/${e.id}`);
    expect(got.status).toBe(200);
    expect(got.body.engagement.myRoles).toEqual(['owner', 'member']);
    expect(got.body.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'network_vendor', 'vpn_owner']);
    expect(got.body.parties.filter((p) => p.organizationId === null)).toHaveLength(3);
    expect(got.body.engagement.progress.total).toBeGreaterThan(100);
    // Templates suggest; they never agree.
    expect(got.body.engagement.progress.agreed).toBe(0);
    expect(got.body.engagement.blockingFindings).toBeGreaterThan(0);
    const [suggested] = await t.database.db.select({ n: count() }).from(proposals).where(eq(proposals.engagementId, e.id));
    const statuses = await t.database.db.select({ status: cells.status, n: count() }).from(cells).where(eq(cells.engagementId, e.id)).groupBy(cells.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({ proposed: suggested!.n, unassigned: got.body.engagement.progress.total - suggested!.n });
    expect(await verifyChain(t.database.db, e.id)).toMatchObject({ ok: true, count: 1 });
  });

  it('creates an empty engagement without a template', async () => {
    const r = await hospital.http.post<{ engagement: { id: string; serviceModel: string } }>('/api/v1/engagements', { title: 'PACS', systemName: 'PACS', serviceModel: 'saas' });
    expect(r.status).toBe(201);
    expect(r.body.engagement.serviceModel).toBe('saas');
  });

  it('lists only engagements the organization is a party to', async () => {
    const e = await createFromTemplate('cloud-ehr-saas');
    const mine = await hospital.http.get<{ engagements: Summary[] }>('/api/v1/engagements');
    expect(mine.body.engagements.map((x) => x.id)).toContain(e.id);
    const theirs = await vendor.http.get<{ engagements: Summary[] }>('/api/v1/engagements');
    expect(theirs.status).toBe(200);
    expect(theirs.body.engagements).toEqual([]);
  });

  it('answers 404 to non-parties and 401 without a token', async () => {
    const e = await createFromTemplate();
    expect((await vendor.http.get(`/api/v1/engagements/${e.id}`)).status).toBe(404);
    expect((await vendor.http.patch(`/api/v1/engagements/${e.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await f.anonymous.get(`/api/v1/engagements/${e.id}`)).status).toBe(401);
    expect((await f.anonymous.get('/api/v1/engagements')).status).toBe(401);
    expect((await hospital.http.get('/api/v1/engagements/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuses engagement creation by vendors and by non-admin hospital members', async () => {
    const byVendor = await vendor.http.post('/api/v1/engagements', { title: 'x', systemName: 'y' });
    expect(byVendor.status).toBe(403);
    const member = await f.addMember(hospital);
    expect((await member.http.post('/api/v1/engagements', { title: 'x', systemName: 'y' })).status).toBe(403);
  });

  it('validates bodies and unknown templates', async () => {
    const r = await hospital.http.post('/api/v1/engagements', { title: '', systemName: 'y' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'invalid_request' } });
    const u = await hospital.http.post('/api/v1/engagements', { title: 'x', systemName: 'y', templateCode: 'nope' });
    expect(u.body).toMatchObject({ error: { code: 'unknown_template' } });
  });

  it('updates settings with optimistic concurrency (409 with the current state on a stale version)', async () => {
    const e = await createFromTemplate();
    const ok = await hospital.http.patch<{ engagement: { version: number; title: string } }>(`/api/v1/engagements/${e.id}`, { version: e.version, title: '電子カルテ更改（第2期）' });
    expect(ok.status).toBe(200);
    expect(ok.body.engagement).toMatchObject({ version: e.version + 1, title: '電子カルテ更改（第2期）' });
    const stale = await hospital.http.patch(`/api/v1/engagements/${e.id}`, { version: e.version, title: 'lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { version: e.version + 1 } } } });
    // Two concurrent writers with the same version: exactly one wins.
    const results = await Promise.all([
      hospital.http.patch(`/api/v1/engagements/${e.id}`, { version: e.version + 1, description: 'A' }),
      hospital.http.patch(`/api/v1/engagements/${e.id}`, { version: e.version + 1, description: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('archives and hides archived engagements from the default list', async () => {
    const e = await createFromTemplate();
    expect((await hospital.http.patch(`/api/v1/engagements/${e.id}`, { version: e.version, archived: true })).status).toBe(200);
    const list = await hospital.http.get<{ engagements: Summary[] }>('/api/v1/engagements');
    expect(list.body.engagements.map((x) => x.id)).not.toContain(e.id);
    const all = await hospital.http.get<{ engagements: Summary[] }>('/api/v1/engagements?archived=true');
    expect(all.body.engagements.map((x) => x.id)).toContain(e.id);
  });
});

describe('catalog', () => {
  it('serves the duty catalog and templates publicly', async () => {
    const d = await f.anonymous.get<{ version: string; duties: unknown[] }>('/api/v1/catalog/duties');
    expect(d.status).toBe(200);
    expect(d.body.duties.length).toBeGreaterThanOrEqual(60);
    const tpl = await f.anonymous.get<{ templates: { code: string }[] }>('/api/v1/catalog/templates');
    expect(tpl.body.templates.map((x) => x.code).sort()).toEqual(['cloud-ehr-saas', 'multi-vendor', 'onprem-ehr-vpn']);
  });
});
