import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEventsPage } from '@bunkai/domain';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
  w = await f.signoffWorld({ enrollTotp: false });
});
afterAll(() => t.close());

const list = async (query: Record<string, string | number> = {}, who: SignoffWorld['observer'] = w.observer) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await who.http.get<TAuditEventsPage>(`/api/v1/engagements/${w.eid}/audit/events${qs ? `?${qs}` : ''}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('audit trail on screen (GET /audit/events, issue 16 bug 2)', () => {
  it('lists newest first with the acting person, paging backwards by seq without overlap', async () => {
    const all = await list({ limit: 500 });
    const seqs = all.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs.at(-1)).toBe(1);
    expect(all.events.at(-1)).toMatchObject({ type: 'engagement.created', actorUserName: '情報システム課 山田' });
    const first = await list({ limit: 3 });
    expect(first.events.map((e) => e.seq)).toEqual(seqs.slice(0, 3));
    const second = await list({ limit: 3, before: first.nextBefore! });
    expect(second.events.map((e) => e.seq)).toEqual(seqs.slice(3, 6));
  });

  it('filters by cell, acting party, event type or family, and day', async () => {
    const byCell = await list({ cellId: w.cells.server });
    expect(byCell.events.length).toBeGreaterThan(0);
    expect(byCell.events.every((e) => e.subjectId === w.cells.server)).toBe(true);
    const byVendor = await list({ partyId: w.vendorPartyId });
    expect(byVendor.events.length).toBeGreaterThan(0);
    expect(byVendor.events.every((e) => e.actorPartyId === w.vendorPartyId)).toBe(true);
    const accepted = await list({ type: 'proposal.accepted' });
    expect(accepted.events.length).toBeGreaterThan(0);
    expect(accepted.events.every((e) => e.type === 'proposal.accepted')).toBe(true);
    const family = await list({ type: 'proposal.' });
    expect(new Set(family.events.map((e) => e.type.split('.')[0]))).toEqual(new Set(['proposal']));
    expect(family.events.length).toBeGreaterThan(accepted.events.length);
    const day = (await list({ limit: 1 })).events[0]!.at.slice(0, 10);
    expect((await list({ from: day, to: day, limit: 500 })).events.length).toBe((await list({ limit: 500 })).events.filter((e) => e.at.startsWith(day)).length);
    expect((await list({ to: '2000-01-01' })).events).toEqual([]);
  });

  it('answers 400 for a malformed filter, 401 without a token and 404 to non-parties', async () => {
    expect((await w.observer.http.get(`/api/v1/engagements/${w.eid}/audit/events?type=DROP%20TABLE`)).status).toBe(400);
    expect((await w.observer.http.get(`/api/v1/engagements/${w.eid}/audit/events?from=03/12/2026`)).status).toBe(400);
    expect((await createHttpClient(t.app).get(`/api/v1/engagements/${w.eid}/audit/events`)).status).toBe(401);
    expect((await w.outsider.http.get(`/api/v1/engagements/${w.eid}/audit/events`)).status).toBe(404);
  });
});
