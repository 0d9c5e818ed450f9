import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChainVerification, TPresentation, TPresentationSignal } from '@bunkai/domain';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';
import { type SseStream, openStream } from '../events/sse-client.ts';

/** 発表者モード of the kickoff review (初回確認): state in PostgreSQL, moves to followers as signals on the live stream. */
const clock = manualClock('2026-12-07T09:00:00.000Z');
let t: TestApp;
let w: TemplateWorld;
let baseUrl = '';
let cellIds: string[] = [];
const streams: SseStream[] = [];
type Body = { presentation: TPresentation | null };

const url = () => `/api/v1/engagements/${w.eid}/review/presentation`;
const headSeq = async () => (await w.owner.http.get<TChainVerification>(`/api/v1/engagements/${w.eid}/events/verify`)).body.count;
const signals = (s: SseStream) => s.events.filter((e) => e.event === 'review.presentation').map((e) => JSON.parse(e.data) as TPresentationSignal);

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  w = await templateWorld(t.app);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const cells = (await w.owner.http.get<{ cells: { id: string }[] }>(`/api/v1/engagements/${w.eid}/cells`)).body.cells;
  cellIds = cells.slice(0, 3).map((c) => c.id);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t.close();
});

describe('review presentation (発表者モード)', () => {
  it('nobody presents at first; outsiders learn nothing (404) and observers may follow but not present', async () => {
    expect((await w.vendor.http.get<Body>(url())).body).toEqual({ presentation: null });
    for (const r of [await w.outsider.http.get(url()), await w.outsider.http.put(url(), { cellId: cellIds[0] }), await w.outsider.http.delete(url())]) {
      expect(r.status).toBe(404);
    }
    expect((await w.observer.http.get(url())).status).toBe(200);
    const observerPresents = await w.observer.http.put(url(), { cellId: cellIds[0] });
    expect(observerPresents.status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
  });

  it('the presenter starts and moves; a follower’s stream gets each move, and the hash-chained log gets nothing', async () => {
    const head = await headSeq();
    const follower = await openStream(baseUrl, `/api/v1/engagements/${w.eid}/events/stream?after=${head}`, { authorization: `Bearer ${w.vendor.session.accessToken}` });
    streams.push(follower);
    expect(follower.status).toBe(200);

    const started = await w.owner.http.put<Body>(url(), { cellId: cellIds[0] });
    expect(started.status).toBe(200);
    expect(started.body.presentation).toMatchObject({
      engagementId: w.eid,
      presenterUserId: w.owner.session.user.id,
      presenterPartyId: w.hospitalPartyId,
      cellId: cellIds[0],
      startedAt: '2026-12-07T09:00:00.000Z',
      expiresAt: '2026-12-07T09:10:00.000Z',
    });
    expect(started.body.presentation?.presenterName).toBe(w.owner.session.user.displayName);
    await follower.waitFor('start signal', (s) => signals(s).length === 1);

    clock.advance(60_000);
    const moved = await w.owner.http.put<Body>(url(), { cellId: cellIds[1] });
    expect(moved.body.presentation).toMatchObject({ cellId: cellIds[1], startedAt: '2026-12-07T09:00:00.000Z', expiresAt: '2026-12-07T09:11:00.000Z' });
    await follower.waitFor('move signal', (s) => signals(s).length === 2);
    expect(signals(follower).map((s) => s.presentation?.cellId)).toEqual([cellIds[0], cellIds[1]]);
    // Signals carry no id: a reconnect's Last-Event-ID stays an event-log seq.
    expect(follower.events.filter((e) => e.event === 'review.presentation').every((e) => e.id === null)).toBe(true);
    expect(await headSeq()).toBe(head);
    expect((await w.hospitalMember.http.get<Body>(url())).body.presentation?.cellId).toBe(cellIds[1]);
  });

  it('another person cannot take over or end a running presentation; a cell of no such item is 404', async () => {
    const taken = await w.vendor.http.put<{ error: { code: string } }>(url(), { cellId: cellIds[2] });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('presentation_taken');
    const end = await w.vendor.http.delete<{ error: { code: string } }>(url());
    expect(end.status).toBe(409);
    expect(end.body.error.code).toBe('not_presenter');
    const unknownCell = await w.owner.http.put(url(), { cellId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownCell.status).toBe(404);
    expect((await w.vendor.http.get<Body>(url())).body.presentation?.cellId).toBe(cellIds[1]);
  });

  it('expires without a move (injected clock); then someone else may present, and the presenter ends it', async () => {
    clock.advance(10 * 60_000);
    expect((await w.vendor.http.get<Body>(url())).body).toEqual({ presentation: null });
    const vendorPresents = await w.vendor.http.put<Body>(url(), { cellId: cellIds[2] });
    expect(vendorPresents.status).toBe(200);
    expect(vendorPresents.body.presentation).toMatchObject({ presenterUserId: w.vendor.session.user.id, presenterPartyId: w.vendorPartyId, startedAt: clock.now().toISOString() });

    const follower = await openStream(baseUrl, `/api/v1/engagements/${w.eid}/events/stream?after=${await headSeq()}`, { authorization: `Bearer ${w.owner.session.accessToken}` });
    streams.push(follower);
    const ended = await w.vendor.http.delete(url());
    expect(ended.status).toBe(204);
    await follower.waitFor('end signal', (s) => signals(s).length === 1);
    expect(signals(follower)[0]).toEqual({ engagementId: w.eid, presentation: null });
    expect((await w.owner.http.get<Body>(url())).body).toEqual({ presentation: null });
    // Ending what is already over is fine.
    expect((await w.vendor.http.delete(url())).status).toBe(204);
  });
});
