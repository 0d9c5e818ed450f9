import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHeads, events } from '@bunkai/db';
import { eq } from 'drizzle-orm';
import type { TChainVerification, TEventsPage } from '@bunkai/domain';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from './roles.ts';

let t: TestApp;
let w: TemplateWorld;
const url = (suffix = '') => `/api/v1/engagements/${w.engagement.id}/events${suffix}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app);
});
afterAll(() => t.close());

/** Reads the whole log page by page. */
const readAll = async (limit: number) => {
  const seen: TEventsPage['events'] = [];
  let after = 0;
  for (let pages = 0; pages < 1000; pages++) {
    const r = await w.owner.http.get<TEventsPage>(url(`?after=${after}&limit=${limit}`));
    expect(r.status).toBe(200);
    seen.push(...r.body.events);
    if (r.body.nextAfter === null) return { seen, pages: pages + 1 };
    expect(r.body.nextAfter).toBe(r.body.events.at(-1)!.seq);
    after = r.body.nextAfter;
  }
  throw new Error('paging never ended');
};

describe('GET /api/v1/engagements/:id/events', () => {
  it('lists the hash-chained log oldest first, paged by seq without gaps or repeats', async () => {
    const first = await w.owner.http.get<TEventsPage>(url());
    expect(first.status).toBe(200);
    expect(first.body.events[0]).toMatchObject({ seq: 1, type: 'engagement.created', actorUserId: w.owner.session.user.id, prevHash: '0'.repeat(64) });
    expect(first.body.events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const { seen, pages } = await readAll(3);
    expect(pages).toBeGreaterThan(1);
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.prevHash).toBe(seen[i - 1]!.hash);
    expect((await readAll(1000)).seen).toEqual(seen);
    // Every page names the chain tip, so a client can start a live stream there in one request.
    expect(first.body.headSeq).toBe(seen.at(-1)!.seq);
  });

  it('answers an empty page with nextAfter null past the head', async () => {
    const r = await w.owner.http.get<TEventsPage>(url('?after=100000'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ events: [], nextAfter: null });
    expect(r.body.headSeq).toBeGreaterThan(0);
  });

  it('refuses bad paging parameters with 400 invalid_request', async () => {
    for (const q of ['?limit=0', '?limit=1001', '?after=-1', '?after=abc', '?limit=2.5']) {
      const r = await w.owner.http.get(url(q));
      expect(r.status, q).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('is readable by every role of the engagement and nobody else', async () => {
    for (const m of [w.hospitalMember, w.vendor, w.observer]) expect((await m.http.get(url('?limit=1'))).status).toBe(200);
    expect((await w.f.anonymous.get(url())).status).toBe(401);
    const outsider = await w.outsider.http.get(url());
    expect(outsider.status).toBe(404);
    expect(outsider.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await w.owner.http.get(`/api/v1/engagements/${crypto.randomUUID()}/events`)).status).toBe(404);
  });
});

describe('GET /api/v1/engagements/:id/events/verify', () => {
  it('recomputes the chain: ok, its length and head hash', async () => {
    const { seen } = await readAll(1000);
    for (const m of [w.owner, w.observer, w.vendor]) {
      const r = await m.http.get<TChainVerification>(url('/verify'));
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ ok: true, count: seen.length, headHash: seen.at(-1)!.hash, firstBreak: null });
    }
  });

  it('denies non-parties (404) and anonymous callers (401)', async () => {
    expect((await w.f.anonymous.get(url('/verify'))).status).toBe(401);
    expect((await w.outsider.http.get(url('/verify'))).status).toBe(404);
  });

  it('reports the first broken link of a tampered chain', async () => {
    const other = await w.f.createEngagement(w.owner, { title: '改ざん検知テスト' });
    const base = `/api/v1/engagements/${other.id}/events`;
    const [head] = await t.database.db.select().from(eventHeads).where(eq(eventHeads.engagementId, other.id));
    // A row appended behind the API's back with a forged hash (UPDATE and DELETE are refused by a trigger).
    await t.database.db.insert(events).values({
      engagementId: other.id,
      seq: head!.seq + 1,
      type: 'cell.agreed',
      actorUserId: null,
      actorPartyId: null,
      subjectId: null,
      payload: { forged: true },
      at: new Date().toISOString(),
      prevHash: head!.hash,
      hash: 'f'.repeat(64),
    });
    const r = await w.owner.http.get<TChainVerification>(`${base}/verify`);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.count).toBe(head!.seq);
    expect(r.body.headHash).toBe(head!.hash);
    expect(r.body.firstBreak).toMatchObject({ seq: head!.seq + 1, reason: 'hash_mismatch', actual: 'f'.repeat(64) });
    expect(r.body.firstBreak!.expected).toMatch(/^[0-9a-f]{64}$/);
  });
});
