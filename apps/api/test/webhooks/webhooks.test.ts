import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobByKey } from '@bunkai/db';
import type { NegotiationFactories } from '../../src/seed/negotiation-factories.ts';
import { type NegotiationWorld, negotiationWorld } from '../../src/seed/world.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';
import { type Receiver, startReceiver } from './receiver.ts';

type Hook = { id: string; url: string; events: string[]; version: number };
type Delivery = { id: string; eventType: string; eventSeq: number | null; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null };

const clock = manualClock('2026-12-01T09:00:00.000Z');
let t: TestApp;
let f: NegotiationFactories;
let w: NegotiationWorld;
let rx: Receiver;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', JOBS_POLL_MS: '20' }, { clock });
  w = await negotiationWorld(t.app);
  f = w.f;
  rx = await startReceiver();
  base = `/api/v1/engagements/${w.engagement.id}/webhooks`;
});
afterAll(async () => {
  await t.close();
  await rx.close();
});

const create = async (body: Record<string, unknown>) => {
  const r = await w.owner.http.post<{ webhook: Hook; secret: string }>(base, body);
  expect(r.status).toBe(201);
  return r.body;
};
const deliveries = async (hookId: string) => (await w.owner.http.get<{ deliveries: Delivery[] }>(`${base}/${hookId}/deliveries`)).body.deliveries;

describe('webhooks (Webフック): owner-only management', () => {
  it('lets only the owner manage them; the secret is shown once', async () => {
    for (const m of [w.vendors.ehr_vendor.admin, w.hospitalMember, w.observer]) {
      expect((await m.http.post(base, { url: rx.url })).status).toBe(403);
      expect((await m.http.get(base)).status).toBe(403);
    }
    expect((await w.outsider.http.get(base)).status).toBe(404);
    const { webhook, secret } = await create({ url: rx.url, description: '院内連携', events: ['revision.frozen'] });
    expect(secret).toMatch(/^whsec_/);
    expect(webhook.events).toEqual(['revision.frozen']);
    const listed = (await w.owner.http.get<{ webhooks: Record<string, unknown>[] }>(base)).body.webhooks;
    expect(listed.map((h) => h.id)).toContain(webhook.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const patched = await w.owner.http.patch<{ webhook: Hook }>(`${base}/${webhook.id}`, { version: webhook.version, active: false });
    expect(patched.status).toBe(200);
    expect((await w.owner.http.patch(`${base}/${webhook.id}`, { version: webhook.version, active: true })).status).toBe(409);
    expect((await w.vendors.ehr_vendor.admin.http.delete(`${base}/${webhook.id}`)).status).toBe(403);
    expect((await w.owner.http.delete(`${base}/${webhook.id}`)).status).toBe(204);
    expect((await w.owner.http.get(`${base}/${webhook.id}`)).status).toBe(404);
    expect((await w.owner.http.post(base, { url: rx.url, events: ['engagement.updated'] })).status).toBe(400);
  });
});

describe('webhook deliveries', () => {
  it('POSTs each subscribed event once, signed, and retries after a 500', async () => {
    const { webhook, secret } = await create({ url: rx.url });
    rx.setSecret(secret);
    const before = rx.received.length;
    rx.answerNext(500);
    const cell = (await f.matrix(w.owner, w.engagement.id, 'status=unassigned')).cells[0]!;
    const proposed = await f.propose(w.vendors.ehr_vendor.admin, cell, {
      assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] },
    });
    await f.accept(w.owner, proposed.proposal.id);
    const expected = ['proposal.created', 'proposal.accepted', 'cell.agreed'];
    // Everything was tried once; one answer was a 500.
    await waitFor('first attempts', () => rx.received.length - before >= expected.length);
    const failed = rx.received.slice(before).find((r) => r.answered === 500)!;
    expect(failed).toBeDefined();
    const log = await waitFor('the failure in the log', async () => (await deliveries(webhook.id)).find((d) => d.id === failed.delivery && d.attempts === 1));
    expect(log).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    await waitFor('the retry scheduled', async () => {
      const job = await findJobByKey(t.database.db, `webhook:${failed.delivery}`);
      return job?.status === 'pending' && job.attempts === 1;
    });
    // The retry comes after the backoff (30 s by the app clock).
    clock.advance(30_000);
    t.app.jobs.wake();
    await waitFor('the retry', () => rx.received.slice(before).filter((r) => r.delivery === failed.delivery).length === 2);

    const mine = rx.received.slice(before);
    expect(mine.every((r) => r.validSignature)).toBe(true);
    expect(mine.every((r) => /^\d+\.[0-9a-f]{64}$/.test(r.signature))).toBe(true);
    const ok = mine.filter((r) => r.answered === 200);
    expect(ok.map((r) => r.event).sort()).toEqual([...expected].sort());
    // Each event exactly once: distinct deliveries and distinct event seqs.
    expect(new Set(ok.map((r) => r.delivery)).size).toBe(ok.length);
    expect(new Set(ok.map((r) => r.json.event!.seq)).size).toBe(ok.length);
    for (const r of ok) {
      expect(r.json.id).toBe(r.delivery);
      expect(r.json.type).toBe(r.event);
    }
    const retried = await waitFor('delivered log', async () => (await deliveries(webhook.id)).find((d) => d.id === failed.delivery && d.status === 'delivered'));
    expect(retried).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    // Nothing more arrives: the cursor moved on, the jobs are done.
    await t.app.jobs.drain();
    expect(rx.received.length - before).toBe(expected.length + 1);
    await w.owner.http.delete(`${base}/${webhook.id}`);
  });

  it('delivers only the event types a webhook subscribed to, and none from before it existed', async () => {
    const early = await f.matrix(w.owner, w.engagement.id, 'status=unassigned');
    const old = await f.propose(w.vendors.ehr_vendor.admin, early.cells[0]!, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    await f.reject(w.owner, old.proposal.id);
    const { webhook, secret } = await create({ url: rx.url, events: ['proposal.rejected'] });
    rx.setSecret(secret);
    const before = rx.received.length;
    const cell = (await f.matrix(w.owner, w.engagement.id, 'status=unassigned')).cells[0]!;
    const p = await f.propose(w.vendors.ehr_vendor.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    await f.reject(w.owner, p.proposal.id);
    await waitFor('the rejection', () => rx.received.length > before);
    await t.app.jobs.drain();
    const mine = rx.received.slice(before);
    expect(mine.map((r) => r.event)).toEqual(['proposal.rejected']);
    expect(mine[0]!.validSignature).toBe(true);
    expect((await deliveries(webhook.id)).map((d) => d.eventType)).toEqual(['proposal.rejected']);
    await w.owner.http.delete(`${base}/${webhook.id}`);
  });

  it('sends a signed test ping and logs it', async () => {
    const { webhook, secret } = await create({ url: rx.url });
    rx.setSecret(secret);
    const before = rx.received.length;
    const r = await w.owner.http.post<{ delivery: Delivery }>(`${base}/${webhook.id}/test`);
    expect(r.status).toBe(202);
    expect(r.body.delivery).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
    await waitFor('the ping', () => rx.received.length > before);
    expect(rx.received.at(-1)).toMatchObject({ event: 'webhook.test', delivery: r.body.delivery.id, validSignature: true });
    expect(rx.received.at(-1)!.json.event).toBeNull();
    const logged = await waitFor('logged', async () => (await deliveries(webhook.id)).find((d) => d.status === 'delivered'));
    expect(logged).toMatchObject({ id: r.body.delivery.id, attempts: 1, lastStatusCode: 200 });
    expect((await w.vendors.ehr_vendor.admin.http.post(`${base}/${webhook.id}/test`)).status).toBe(403);
    await w.owner.http.delete(`${base}/${webhook.id}`);
  });
});
