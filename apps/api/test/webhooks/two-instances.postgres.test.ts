import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { createNegotiationFactories } from '../../src/seed/negotiation-factories.ts';
import { negotiationWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { sleep, waitFor } from '../jobs/wait.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/*
 * PostgreSQL only: two API instances both run the event dispatcher and the delivery
 * worker on one database; the receiver must still see every event exactly once.
 */
let t: TestApp;
let second: FastifyInstance;
let secondDb: Database;
let rx: Receiver;
beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', JOBS_POLL_MS: '10' });
  const url = (t.database as Database & { url?: string }).url;
  expect(url).toMatch(/^postgres:/);
  secondDb = await createDb({ databaseUrl: url });
  second = await buildApp({ database: secondDb, config: t.config, logger: false });
  await second.ready();
  rx = await startReceiver();
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await t.close();
  await rx.close();
});

describe('webhooks with two API instances', () => {
  it('delivers each event once although both instances dispatch', async () => {
    const w = await negotiationWorld(t.app);
    const { f } = w;
    const created = await w.owner.http.post<{ secret: string }>(`/api/v1/engagements/${w.engagement.id}/webhooks`, { url: rx.url, events: ['proposal.created'] });
    expect(created.status).toBe(201);
    rx.setSecret(created.body.secret);
    const cells = (await f.matrix(w.owner, w.engagement.id, 'status=unassigned')).cells.slice(0, 6);
    // Through both instances' HTTP handling, so both processes see NOTIFYs for their own writes.
    const viaSecond = createNegotiationFactories(second);
    for (const [i, cell] of cells.entries())
      await (i % 2 ? viaSecond : f).propose(w.vendors.ehr_vendor.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    await waitFor('six deliveries', () => rx.received.length >= cells.length, 20_000);
    // Give a duplicate, if there were one, time to arrive.
    await sleep(300);
    await Promise.all([t.app.jobs.drain(), second.jobs.drain()]);
    expect(rx.received).toHaveLength(cells.length);
    expect(rx.received.every((r) => r.validSignature && r.event === 'proposal.created')).toBe(true);
    expect(new Set(rx.received.map((r) => r.json.event!.seq)).size).toBe(cells.length);
  });
});
