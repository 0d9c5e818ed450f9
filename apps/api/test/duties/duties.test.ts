import { CATALOG_VERSION } from '@bunkai/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { cells, events, proposals } from '@bunkai/db';
import type { z } from 'zod';
import type { TDuty, TEngagement, ZCustomDutyInput } from '@bunkai/domain';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { ROLES, type Role, type World, structureWorld } from '../parties/world.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await structureWorld(t.app);
});
afterAll(() => t.close());

const url = (engagementId = w.engagement.id) => `/api/v1/engagements/${engagementId}/duties`;
const cellsOfDuty = (dutyId: string) => t.database.db.select().from(cells).where(eq(cells.dutyId, dutyId));

const custom: z.input<typeof ZCustomDutyInput> = {
  code: 'HOSP-01',
  title: { ja: '院内独自の持出しルールの周知', en: 'Publish the in-house removal rules' },
  description: { ja: 'VPN装置の設定情報を院外へ持ち出す際のルールを周知する。', en: 'Publish the rules for taking VPN configuration off-site.' },
  phase: 'normal',
  category: 'data_handling',
  appliesTo: ['vpn_appliance'],
  kakuninhyoPart: 2,
  references: [{ document: 'contract', section: '保守契約 第8条' }],
};

describe('duties (責任項目)', () => {
  it('adds catalog duties, answering and listing them in catalog order (part, order)', async () => {
    // A world of its own: no duties and no assets yet, whatever ran before.
    const v = await structureWorld(t.app);
    const res = await v.owner.http.post<{ duties: TDuty[]; cellsCreated: number }>(url(v.engagement.id), { catalogCodes: ['VUL-02', 'GOV-01', 'CON-06', 'PHY-03'] });
    expect(res.status).toBe(201);
    const order = ['GOV-01', 'PHY-03', 'CON-06', 'VUL-02'];
    expect(res.body.duties.map((d) => d.code)).toEqual(order);
    // No assets yet: only the two engagement-wide duties have a cell.
    expect(res.body.cellsCreated).toBe(2);
    expect(res.body.duties[0]).toMatchObject({ catalogVersion: CATALOG_VERSION, notApplicableReason: null, version: 1, kakuninhyoPart: 1 });
    const list = await v.observer.http.get<{ duties: TDuty[] }>(url(v.engagement.id));
    expect(list.status).toBe(200);
    expect(list.body.duties.map((d) => d.code)).toEqual(order);
  });

  it('adding a duty creates its cells for the existing assets', async () => {
    const v = await structureWorld(t.app);
    await v.f.addAssets(v.vendor, v.engagement.id, [
      { name: 'VPN装置1', category: 'vpn_appliance' },
      { name: 'VPN装置2', category: 'vpn_appliance' },
      ...[1, 2, 3].map((i) => ({ name: `端末${i}`, category: 'client_terminal' as const })),
    ]);
    const res = await v.f.addDuties(v.owner, v.engagement.id, ['VUL-13', 'GOV-05']);
    expect(res.cellsCreated).toBe(5 + 1);
    const vul13 = res.duties.find((d) => d.code === 'VUL-13')!;
    expect((await cellsOfDuty(vul13.id)).every((c) => c.status === 'unassigned' && c.assetId !== null)).toBe(true);
    expect(await t.database.db.select().from(events).where(and(eq(events.type, 'duty.added'), eq(events.subjectId, vul13.id)))).toHaveLength(1);
  });

  it('refuses unknown catalog codes (400 listing them) and codes already present (409), writing nothing', async () => {
    if (!(await w.f.listDuties(w.owner, w.engagement.id)).some((d) => d.code === 'GOV-01')) await w.f.addDuties(w.owner, w.engagement.id, ['GOV-01']);
    const unknown = await w.owner.http.post(url(), { catalogCodes: ['VUL-01', 'NOPE-99', 'ZZZ-1'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: 'unknown_duty', details: { codes: ['NOPE-99', 'ZZZ-1'] } } });
    const dup = await w.owner.http.post(url(), { catalogCodes: ['VUL-01', 'GOV-01'] });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'duty_exists', details: { codes: ['GOV-01'] } } });
    const codes = (await w.f.listDuties(w.owner, w.engagement.id)).map((d) => d.code);
    expect(codes).not.toContain('VUL-01');
    for (const body of [{ catalogCodes: [] }, { catalogCodes: ['lower-case'] }, {}, { catalogCodes: ['GOV-02'], custom }]) {
      const res = await w.owner.http.post(url(), body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('adds a custom duty with its cells; its code is unique in the engagement', async () => {
    // Its own engagement with two VPN appliances, the assets the custom duty applies to.
    const engagement = await w.f.createEngagement(w.owner);
    await w.f.addAssets(w.owner, engagement.id, [
      { name: 'VPN装置1', category: 'vpn_appliance' },
      { name: 'VPN装置2', category: 'vpn_appliance' },
    ]);
    const res = await w.owner.http.post<{ duties: TDuty[]; cellsCreated: number }>(url(engagement.id), { custom });
    expect(res.status).toBe(201);
    expect(res.body.duties[0]).toMatchObject({ code: 'HOSP-01', catalogVersion: null, order: 90_000, concerns: [] });
    expect(res.body.cellsCreated).toBe(2);
    const again = await w.owner.http.post(url(engagement.id), { custom });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'duty_exists' } });
    const bad = await w.owner.http.post(url(engagement.id), { custom: { ...custom, code: 'HOSP-02', references: [] } });
    expect(bad.status).toBe(400);
  });
});

describe('editing and reordering a duty', () => {
  it('changes the wording and the sort key with the version, records duty.edited, and refuses stale or empty edits', async () => {
    const v = await structureWorld(t.app);
    const { duties } = await v.f.addDuties(v.owner, v.engagement.id, ['GOV-01', 'GOV-05']);
    const [first, second] = duties;
    const edit = (id: string, body: object, who = v.owner) => who.http.patch<{ duty: TDuty }>(`/api/v1/duties/${id}/definition`, body);
    const title = { ja: '情報セキュリティ方針の策定（当院版）', en: 'Security policy (hospital edition)' };
    const res = await edit(first!.id, { version: 1, title });
    expect(res.status).toBe(200);
    expect(res.body.duty).toMatchObject({ title, code: 'GOV-01', version: 2, description: first!.description });
    // move GOV-01 after GOV-05 inside Part 1
    expect((await edit(first!.id, { version: 2, order: second!.order + 1 })).status).toBe(200);
    expect((await v.f.listDuties(v.observer, v.engagement.id)).map((d) => d.code)).toEqual(['GOV-05', 'GOV-01']);
    const stale = await edit(first!.id, { version: 1, order: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { version: 3 } } } });
    expect((await edit(first!.id, { version: 3 })).status).toBe(400);
    expect((await edit(first!.id, { version: 3, title: { ja: '', en: 'x' } })).status).toBe(400);
    expect((await edit(first!.id, { version: 3, order: 1 }, v.vendor)).status).toBe(403);
    const recorded = await t.database.db.select().from(events).where(and(eq(events.type, 'duty.edited'), eq(events.subjectId, first!.id)));
    expect(recorded.map((e) => (e.payload as { changed: string[] }).changed)).toEqual([['title'], ['order']]);
  });
});

describe('not applicable (対象外) and reopening', () => {
  const REASON = '当院ではリモート保守を廃止したため';
  type Scenario = { engagement: TEngagement; duty: TDuty; agreedCellId: string };

  /** A template engagement of its own whose VUL-13 has one settled cell, so each step below starts from a known state. */
  const scenario = async (): Promise<Scenario> => {
    const engagement = await w.f.createEngagement(w.owner, { templateCode: 'onprem-ehr-vpn' });
    const duty = (await w.f.listDuties(w.owner, engagement.id)).find((d) => d.code === 'VUL-13')!;
    // Settle one cell as if its suggestion had been agreed, so the marking must leave it alone.
    const [first] = await cellsOfDuty(duty.id);
    if (first!.openProposalId) await t.database.db.update(proposals).set({ status: 'agreed' }).where(eq(proposals.id, first!.openProposalId));
    await t.database.db
      .update(cells)
      .set({ status: 'agreed', openProposalId: null, assignment: { [w.hospitalPartyId]: ['R', 'A'] } })
      .where(eq(cells.id, first!.id));
    return { engagement, duty, agreedCellId: first!.id };
  };
  /** The scenario with VUL-13 marked 対象外 (version 2). */
  const markedScenario = async (): Promise<Scenario> => {
    const s = await scenario();
    expect((await w.owner.http.patch(`/api/v1/duties/${s.duty.id}`, { version: 1, notApplicable: true, reason: REASON })).status).toBe(200);
    return s;
  };

  it('requires a reason, the version and the owner', async () => {
    const { duty } = await scenario();
    const patch = (body: object, who = w.owner) => who.http.patch(`/api/v1/duties/${duty.id}`, body);
    const missing = await patch({ version: 1, notApplicable: true });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'invalid_not_applicable_reason' } });
    expect((await patch({ version: 1, notApplicable: true, reason: '   ' })).status).toBe(400);
    expect((await patch({ notApplicable: true, reason: 'x' })).status).toBe(400);
    const stale = await patch({ version: 7, notApplicable: true, reason: '対象機器なし' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { id: duty.id, version: 1 } } } });
    const reopen = await patch({ version: 1, notApplicable: false });
    expect(reopen.status).toBe(409);
    expect(reopen.body).toMatchObject({ error: { code: 'duty_not_marked' } });
  });

  it('marks the open cells not applicable with the reason and withdraws their open proposals; agreed cells are kept', async () => {
    const { duty, agreedCellId } = await scenario();
    const before = await cellsOfDuty(duty.id);
    const openIds = before.flatMap((c) => (c.openProposalId ? [c.openProposalId] : []));
    expect(openIds.length).toBeGreaterThan(0);
    const res = await w.owner.http.patch<{ duty: TDuty; cellsChanged: number; proposalsWithdrawn: number }>(`/api/v1/duties/${duty.id}`, {
      version: 1,
      notApplicable: true,
      reason: '当院ではリモート保守を廃止したため',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ duty: { notApplicableReason: '当院ではリモート保守を廃止したため', version: 2 }, cellsChanged: before.length - 1, proposalsWithdrawn: openIds.length });
    const after = await cellsOfDuty(duty.id);
    for (const c of after) {
      if (c.id === agreedCellId) expect(c).toMatchObject({ status: 'agreed', notApplicableReason: null });
      else expect(c).toMatchObject({ status: 'not_applicable', notApplicableReason: '当院ではリモート保守を廃止したため', openProposalId: null });
    }
    const closed = await t.database.db.select().from(proposals).where(inArray(proposals.id, openIds));
    expect(closed.every((p) => p.status === 'withdrawn' && p.closedAt !== null)).toBe(true);
    const [event] = await t.database.db.select().from(events).where(and(eq(events.type, 'duty.not_applicable'), eq(events.subjectId, duty.id)));
    expect(event?.payload).toMatchObject({ reason: '当院ではリモート保守を廃止したため', withdrawnProposalIds: openIds });
  });

  it('new assets get not-applicable cells while the duty is marked', async () => {
    const { engagement, duty } = await markedScenario();
    const { assets } = await w.f.addAssets(w.owner, engagement.id, [{ name: '追加端末', category: 'client_terminal' }]);
    const [cell] = (await cellsOfDuty(duty.id)).filter((c) => c.assetId === assets[0]!.id);
    expect(cell).toMatchObject({ status: 'not_applicable', notApplicableReason: '当院ではリモート保守を廃止したため' });
  });

  it('reopening returns the cells to unassigned (agreed cells untouched) and appends duty.reopened', async () => {
    const { duty, agreedCellId } = await markedScenario();
    const res = await w.owner.http.patch<{ duty: TDuty; cellsChanged: number }>(`/api/v1/duties/${duty.id}`, { version: 2, notApplicable: false });
    expect(res.status).toBe(200);
    expect(res.body.duty).toMatchObject({ notApplicableReason: null, version: 3 });
    const after = await cellsOfDuty(duty.id);
    expect(res.body.cellsChanged).toBe(after.length - 1);
    for (const c of after) expect(c.status).toBe(c.id === agreedCellId ? 'agreed' : 'unassigned');
    expect(after.every((c) => c.notApplicableReason === null && c.openProposalId === null)).toBe(true);
    expect(await t.database.db.select().from(events).where(and(eq(events.type, 'duty.reopened'), eq(events.subjectId, duty.id)))).toHaveLength(1);
  });
});

describe('authorization table: duties', () => {
  const http = (r: Role) => w.callers[r].http;
  const table = async (call: (r: Role) => Promise<number>) => {
    const actual: Record<string, number> = {};
    for (const r of ROLES) actual[r] = await call(r);
    return actual;
  };
  let n = 0;
  const customFor = () => ({ custom: { ...custom, code: `AUTHZ-${++n}` } });

  it('GET /engagements/:id/duties', async () => {
    expect(await table(async (r) => (await http(r).get(url())).status)).toEqual({ anonymous: 401, outsider: 404, observer: 200, vendor: 200, owner: 200 });
  });
  it('POST /engagements/:id/duties', async () => {
    expect(await table(async (r) => (await http(r).post(url(), customFor())).status)).toEqual({ anonymous: 401, outsider: 404, observer: 403, vendor: 403, owner: 201 });
  });
  it('PATCH /duties/:dutyId', async () => {
    const fresh = async () => (await w.f.addDuties(w.owner, w.engagement.id, customFor())).duties[0]!;
    expect(await table(async (r) => (await http(r).patch(`/api/v1/duties/${(await fresh()).id}`, { version: 1, notApplicable: true, reason: '対象外' })).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 403,
      owner: 200,
    });
  });
});
