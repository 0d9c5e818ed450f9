import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cells, comments, events, proposals } from '@bunkai/db';
import { EMPTY_TERMS, type TAsset } from '@bunkai/domain';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { ROLES, type Role, type World, structureWorld } from '../parties/world.ts';

let t: TestApp;
let w: World;
let dutyIdByCode: Map<string, string>;

/** A world whose engagement has the duties these tests plan cells from. */
const worldWithDuties = async () => {
  const world = await structureWorld(t.app);
  const added = await world.f.addDuties(world.owner, world.engagement.id, ['GOV-01', 'VUL-02', 'VUL-06', 'VUL-13', 'PHY-03']);
  return { world, dutyIdByCode: new Map(added.duties.map((d) => [d.code, d.id])) };
};

beforeAll(async () => {
  t = await createTestApp();
  ({ world: w, dutyIdByCode } = await worldWithDuties());
});
afterAll(() => t.close());

const url = (engagementId = w.engagement.id) => `/api/v1/engagements/${engagementId}/assets`;
const cellsOfAsset = (assetId: string) => t.database.db.select().from(cells).where(eq(cells.assetId, assetId));
const codesOfAsset = async (assetId: string, byCode = dutyIdByCode) => {
  const codeById = new Map([...byCode].map(([code, id]) => [id, code]));
  return (await cellsOfAsset(assetId)).map((c) => codeById.get(c.dutyId)).sort();
};
const terminal = (i: number, hospitalPartyId = w.hospitalPartyId) => ({ name: `電子カルテ端末 ${i}`, category: 'client_terminal' as const, ownerPartyId: hospitalPartyId });

describe('assets (対象資産)', () => {
  it('bulk-creates assets with the cells of every applicable duty, one event per asset', async () => {
    // An engagement of its own: positions and event counts start from nothing whatever ran before.
    const { world: v, dutyIdByCode: byCode } = await worldWithDuties();
    const res = await v.vendor.http.post<{ assets: TAsset[]; cellsCreated: number }>(url(v.engagement.id), {
      assets: [
        { name: 'リモート保守用VPN装置', category: 'vpn_appliance', ownerPartyId: v.vendorPartyId, vendor: 'Fortinet', model: 'FortiGate 60F', supportEndsOn: '2027-03-31' },
        ...Array.from({ length: 50 }, (_, i) => terminal(i + 1, v.hospitalPartyId)),
        { name: 'LTOテープ', category: 'backup_media' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.assets).toHaveLength(52);
    // VPN: VUL-02 + VUL-13; each terminal: VUL-06 + VUL-13 + PHY-03; backup media: none of these duties.
    expect(res.body.cellsCreated).toBe(2 + 50 * 3);
    const [vpn, firstTerminal] = res.body.assets;
    expect(vpn).toMatchObject({ vendor: 'Fortinet', supportEndsOn: '2027-03-31', ownerPartyId: v.vendorPartyId, version: 1 });
    expect(await codesOfAsset(vpn!.id, byCode)).toEqual(['VUL-02', 'VUL-13']);
    expect(await codesOfAsset(firstTerminal!.id, byCode)).toEqual(['PHY-03', 'VUL-06', 'VUL-13']);
    expect(res.body.assets.map((a) => a.position)).toEqual(res.body.assets.map((_, i) => i));
    const created = await t.database.db.select().from(events).where(and(eq(events.engagementId, v.engagement.id), eq(events.type, 'asset.created')));
    expect(created).toHaveLength(52);
    // The engagement-wide duty still has exactly its one cell.
    const wide = await t.database.db.select().from(cells).where(eq(cells.dutyId, byCode.get('GOV-01')!));
    expect(wide.map((c) => c.assetId)).toEqual([null]);
  });

  it('creates a single asset from a plain body and lists assets for readers', async () => {
    const res = await w.owner.http.post<{ assets: TAsset[]; cellsCreated: number }>(url(), { name: 'コアスイッチ', category: 'network_device' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ assets: [{ name: 'コアスイッチ', ownerPartyId: null, vendor: '' }], cellsCreated: 1 });
    const list = await w.observer.http.get<{ assets: TAsset[] }>(url());
    expect(list.status).toBe(200);
    expect(list.body.assets.at(-1)?.name).toBe('コアスイッチ');
  });

  it('accepts 1000 assets in one request and refuses 1001', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `データ ${i}`, category: 'data' }));
    const ok = await w.owner.http.post<{ assets: TAsset[] }>(url(), { assets: many });
    expect(ok.status).toBe(201);
    expect(ok.body.assets).toHaveLength(1000);
    const tooMany = await w.owner.http.post(url(), { assets: [...many, { name: 'x', category: 'data' }] });
    expect(tooMany.status).toBe(400);
  });

  it('refuses bad bodies with 400 and a code, writing nothing', async () => {
    const other = await w.f.createEngagement(w.owner, { title: '別案件' });
    const foreignParty = (await w.f.listParties(w.owner, other.id))[0]!.id;
    const before = (await w.owner.http.get<{ assets: TAsset[] }>(url())).body.assets.length;
    const foreign = await w.owner.http.post(url(), { assets: [terminal(900), { name: '他案件の資産', category: 'server', ownerPartyId: foreignParty }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { code: 'unknown_party', details: { partyIds: [foreignParty] } } });
    for (const body of [{ name: 'x', category: 'toaster' }, { assets: [] }, { name: '', category: 'server' }, { name: 'x', category: 'server', supportEndsOn: '2027-13-01' }]) {
      const res = await w.owner.http.post(url(), body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
    expect((await w.owner.http.get<{ assets: TAsset[] }>(url())).body.assets.length).toBe(before);
  });

  it('patches with the version; a stale version answers 409 with the current asset', async () => {
    const [asset] = (await w.f.addAssets(w.vendor, w.engagement.id, [{ name: '電子カルテサーバ', category: 'server' }])).assets;
    const ok = await w.vendor.http.patch<{ asset: TAsset }>(`/api/v1/assets/${asset!.id}`, { version: 1, vendor: 'Dell', supportEndsOn: '2029-03-31' });
    expect(ok.status).toBe(200);
    expect(ok.body.asset).toMatchObject({ vendor: 'Dell', supportEndsOn: '2029-03-31', name: '電子カルテサーバ', version: 2 });
    const stale = await w.vendor.http.patch(`/api/v1/assets/${asset!.id}`, { version: 1, vendor: 'HPE' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { vendor: 'Dell', version: 2 } } } });
    expect((await w.vendor.http.patch(`/api/v1/assets/${asset!.id}`, { version: 2, category: 'toaster' })).status).toBe(400);
    expect((await w.vendor.http.patch(`/api/v1/assets/${crypto.randomUUID()}`, { version: 1 })).status).toBe(404);
  });

  it('a category change re-plans the cells of the asset', async () => {
    const [asset] = (await w.f.addAssets(w.vendor, w.engagement.id, [terminal(100)])).assets;
    const res = await w.vendor.http.patch<{ asset: TAsset; cellsCreated: number; cellsDeleted: number }>(`/api/v1/assets/${asset!.id}`, { version: 1, category: 'vpn_appliance' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cellsCreated: 1, cellsDeleted: 2 });
    expect(await codesOfAsset(asset!.id)).toEqual(['VUL-02', 'VUL-13']);
  });

  it('refuses to delete an asset whose cells are agreed or under an open proposal (409 asset_in_use)', async () => {
    const [asset] = (await w.f.addAssets(w.owner, w.engagement.id, [terminal(200)])).assets;
    const [cell] = await cellsOfAsset(asset!.id);
    const [proposal] = await t.database.db
      .insert(proposals)
      .values({ cellId: cell!.id, engagementId: w.engagement.id, proposerPartyId: w.hospitalPartyId, assignment: { [w.hospitalPartyId]: ['R', 'A'] }, terms: EMPTY_TERMS })
      .returning();
    await t.database.db.update(cells).set({ status: 'proposed', openProposalId: proposal!.id }).where(eq(cells.id, cell!.id));
    const res = await w.owner.http.delete(`/api/v1/assets/${asset!.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'asset_in_use', details: { cellIds: [cell!.id] } } });
    const recategorize = await w.owner.http.patch(`/api/v1/assets/${asset!.id}`, { version: 1, category: 'data' });
    expect(recategorize.status).toBe(409);
    expect(recategorize.body).toMatchObject({ error: { code: 'asset_in_use' } });
    expect(await cellsOfAsset(asset!.id)).toHaveLength(3);
  });

  it('deletes a free asset with its cells and their closed history', async () => {
    const [asset] = (await w.f.addAssets(w.owner, w.engagement.id, [terminal(300)])).assets;
    const [cell] = await cellsOfAsset(asset!.id);
    await t.database.db
      .insert(proposals)
      .values({ cellId: cell!.id, engagementId: w.engagement.id, proposerPartyId: w.hospitalPartyId, assignment: {}, terms: EMPTY_TERMS, status: 'withdrawn' });
    await t.database.db.insert(comments).values({ cellId: cell!.id, engagementId: w.engagement.id, partyId: w.hospitalPartyId, userId: w.owner.session.user.id, body: '確認中' });
    const res = await w.owner.http.delete(`/api/v1/assets/${asset!.id}`);
    expect(res.status).toBe(204);
    expect(await cellsOfAsset(asset!.id)).toHaveLength(0);
    expect((await w.owner.http.delete(`/api/v1/assets/${asset!.id}`)).status).toBe(404);
    const [deleted] = await t.database.db.select().from(events).where(and(eq(events.type, 'asset.deleted'), eq(events.subjectId, asset!.id)));
    expect(deleted?.payload).toMatchObject({ cellsDeleted: 3 });
  });
});

describe('authorization table: assets', () => {
  const http = (r: Role) => w.callers[r].http;
  const fresh = async () => (await w.f.addAssets(w.owner, w.engagement.id, [{ name: '認可テスト資産', category: 'data' }])).assets[0]!;
  const table = async (call: (r: Role) => Promise<number>) => {
    const actual: Record<string, number> = {};
    for (const r of ROLES) actual[r] = await call(r);
    return actual;
  };

  it('GET /engagements/:id/assets', async () => {
    expect(await table(async (r) => (await http(r).get(url())).status)).toEqual({ anonymous: 401, outsider: 404, observer: 200, vendor: 200, owner: 200 });
  });
  it('POST /engagements/:id/assets', async () => {
    expect(await table(async (r) => (await http(r).post(url(), { name: `by ${r}`, category: 'data' })).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 201,
      owner: 201,
    });
  });
  it('PATCH /assets/:assetId', async () => {
    expect(await table(async (r) => (await http(r).patch(`/api/v1/assets/${(await fresh()).id}`, { version: 1, model: r })).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 200,
      owner: 200,
    });
  });
  it('DELETE /assets/:assetId', async () => {
    expect(await table(async (r) => (await http(r).delete(`/api/v1/assets/${(await fresh()).id}`)).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 403,
      owner: 204,
    });
  });
});
