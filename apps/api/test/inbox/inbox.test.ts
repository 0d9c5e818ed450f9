import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_PAGE_MAX, type TEngagementSummary, type TInboxCountsResponse, type TInboxResponse, type TMatrixCell } from '@bunkai/domain';
import { manualClock } from '../../src/platform/clock.ts';
import { createWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const clock = manualClock('2026-12-07T09:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { clock });
});
afterAll(() => t.close());

/** Hospital, EHR vendor (A社), network vendor (B社), an observer; two engagement-wide cells. */
const world = async () => {
  const w = await createWorld(t.app, { roles: ['owner', 'vendor', 'otherVendor', 'observer', 'outsider'], vendor: { partyName: 'A社' }, otherVendor: { partyName: 'B社' } });
  await w.f.addDuties(w.owner, w.eid, ['GOV-01', 'GOV-05']);
  const cells = (await w.f.matrix(w.owner, w.eid)).cells;
  return { ...w, cells: cells as [TMatrixCell, TMatrixCell] };
};
type W = Awaited<ReturnType<typeof world>>;
const inbox = async (m: W['owner'], engagementId?: string) => {
  const res = await m.http.get<TInboxResponse>(`/api/v1/me/inbox${engagementId ? `?engagementId=${engagementId}` : ''}`);
  expect(res.status).toBe(200);
  return res.body;
};
const mine = (b: TInboxResponse, eid: string) => b.items.filter((i) => i.engagementId === eid).map((i) => `${i.kind}:${i.cellId}`);

describe('GET /api/v1/me/inbox (受信箱)', () => {
  it('lists what waits for each party: consent for R/A parties only, disputes, comments, いいえ without a target', async () => {
    const w = await world();
    const [c1, c2] = w.cells;
    // Both cells are unassigned: the hospital must get them settled.
    expect(mine(await inbox(w.owner), w.eid)).toEqual([`unsettled:${c1.id}`, `unsettled:${c2.id}`]);
    expect(mine(await inbox(w.vendor), w.eid)).toEqual([]);

    const p = await w.f.propose(w.owner, c1, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendorPartyId!]: ['R'], [w.otherVendorPartyId!]: ['I'] } });
    const v = await inbox(w.vendor, w.eid);
    expect(v.items).toEqual([
      expect.objectContaining({ kind: 'consent', cellId: c1.id, proposalId: p.cell.openProposal!.id, partyId: w.vendorPartyId, path: `/engagements/${w.eid}/matrix?cell=${c1.id}` }),
    ]);
    expect(v).toMatchObject({ total: 1, byKind: { consent: 1, unsettled: 0 }, engagements: [{ engagementId: w.eid, total: 1 }] });
    // each item names its cell: duty code and title, and the asset (these cells are engagement-wide)
    expect(v.items[0]!.subject).toEqual({ code: expect.stringMatching(/^[A-Z]+-\d+$/), title: { ja: expect.any(String), en: expect.any(String) }, assetName: null });
    // Informed (I) and uninvolved parties owe nothing; observers have no inbox items.
    expect(mine(await inbox(w.otherVendor), w.eid)).toEqual([]);
    expect((await inbox(w.observer, w.eid)).total).toBe(0);

    // A rejection disputes the cell: it is unsettled for its R/A holders, no longer a consent request.
    await w.f.reject(w.vendor, p.cell.openProposal!.id, '夜間対応の体制がありません');
    expect(mine(await inbox(w.vendor), w.eid)).toEqual([`unsettled:${c1.id}`]);
    expect(mine(await inbox(w.owner), w.eid)).toEqual([`unsettled:${c1.id}`, `unsettled:${c2.id}`]);

    // A comment mentioning B社 on a cell where it has no role reaches B社 only; its answer clears it.
    await w.f.comment(w.owner, c2.id, '@B社 回線側の対応可否を教えてください');
    expect(mine(await inbox(w.otherVendor), w.eid)).toEqual([`comment:${c2.id}`]);
    expect(mine(await inbox(w.vendor), w.eid)).toEqual([`unsettled:${c1.id}`]);
    await w.f.comment(w.otherVendor, c2.id, '対応可能です');
    expect(mine(await inbox(w.otherVendor), w.eid)).toEqual([]);

    // The hospital takes c2 itself; a いいえ without 完了日 needs its target: after the target, it is "due" once near.
    const agreed = (await w.f.propose(w.owner, c2, { assignment: { [w.hospitalPartyId]: ['R', 'A'] } })).cell;
    const review = await w.owner.http.patch<{ cell: TMatrixCell }>(`/api/v1/cells/${c2.id}/review`, { version: agreed.version, firstCheckAnswer: 'no', completionDueOn: '2026-12-10' });
    expect(review.status).toBe(200);
    const h = await inbox(w.owner, w.eid);
    expect(h.items.map((i) => [i.kind, i.cellId, i.dueOn, i.overdue])).toEqual([
      ['unsettled', c1.id, null, false],
      ['comment', c2.id, null, false],
      ['completion_due', c2.id, '2026-12-10', false],
    ]);
    clock.set('2026-12-11T09:00:00Z');
    try {
      expect((await inbox(w.owner, w.eid)).items.find((i) => i.kind === 'completion_due')).toMatchObject({ overdue: true });
    } finally {
      clock.set('2026-12-07T09:00:00Z');
    }
  });

  it('counts across engagements and in the engagement list; an engagement the caller is not in is 404', async () => {
    const a = await world();
    const b = await createWorld(t.app, { roles: ['owner', 'vendor'] });
    await b.f.addDuties(b.owner, b.eid, ['GOV-01']);
    const all = await inbox(a.owner);
    expect(all.engagements.map((e) => e.engagementId)).toContain(a.eid);
    expect(all.total).toBe(all.engagements.reduce((n, e) => n + e.total, 0));
    const list = await a.owner.http.get<{ engagements: TEngagementSummary[] }>('/api/v1/engagements');
    expect(list.body.engagements.find((e) => e.id === a.eid)?.waiting).toBe(2);
    const foreign = await a.vendor.http.get(`/api/v1/me/inbox?engagementId=${b.eid}`);
    expect(foreign.status).toBe(404);
    expect((await a.outsider.http.get(`/api/v1/me/inbox?engagementId=${a.eid}`)).status).toBe(404);
    expect((await a.owner.http.get('/api/v1/me/inbox?engagementId=nope')).status).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/inbox' })).statusCode).toBe(401);
  });

  it('pages the items (bounded by INBOX_PAGE_MAX) with whole counts; /counts answers the counts without items', async () => {
    const w = await world();
    const [c1, c2] = w.cells;
    const page = async (q: string) => {
      const res = await w.owner.http.get<TInboxResponse>(`/api/v1/me/inbox?engagementId=${w.eid}&${q}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const p1 = await page('limit=1');
    expect(p1.items.map((i) => i.cellId)).toEqual([c1.id]);
    expect(p1).toMatchObject({ total: 2, byKind: { unsettled: 2 }, nextOffset: 1 });
    const p2 = await page(`limit=1&offset=${p1.nextOffset}`);
    expect(p2.items.map((i) => i.cellId)).toEqual([c2.id]);
    expect(p2).toMatchObject({ total: 2, nextOffset: null });
    expect((await page('offset=5')).items).toEqual([]);
    // the default page is the largest one
    expect((await page('')).nextOffset).toBeNull();
    for (const bad of [`limit=${INBOX_PAGE_MAX + 1}`, 'limit=0', 'offset=-1', 'limit=x'])
      expect((await w.owner.http.get(`/api/v1/me/inbox?${bad}`)).status, bad).toBe(400);

    const counts = await w.owner.http.get<TInboxCountsResponse>(`/api/v1/me/inbox/counts?engagementId=${w.eid}`);
    expect(counts.status).toBe(200);
    const { items: _items, nextOffset: _next, ...whole } = await page('');
    expect(counts.body).toEqual(whole);
    expect(counts.body).not.toHaveProperty('items');
    const across = await w.owner.http.get<TInboxCountsResponse>('/api/v1/me/inbox/counts');
    expect(across.body.engagements.find((e) => e.engagementId === w.eid)).toMatchObject({ total: 2, byKind: { unsettled: 2 } });
    expect((await w.outsider.http.get(`/api/v1/me/inbox/counts?engagementId=${w.eid}`)).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/inbox/counts' })).statusCode).toBe(401);
  });
});
