import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooks } from '@bunkai/db';
import { isPublicAddress } from '../../src/modules/webhooks/index.ts';
import { type NegotiationWorld, negotiationWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';
import { type Receiver, startReceiver } from './receiver.ts';

// WEBHOOK_ALLOW_PRIVATE is not set here: the default refuses internal targets (SSRF guard).
let t: TestApp;
let w: NegotiationWorld;
let rx: Receiver;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ JOBS_POLL_MS: '20' });
  w = await negotiationWorld(t.app);
  rx = await startReceiver();
  base = `/api/v1/engagements/${w.engagement.id}/webhooks`;
});
afterAll(async () => {
  await t.close();
  await rx.close();
});

describe('webhook targets without WEBHOOK_ALLOW_PRIVATE', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://127.9.9.9/hook',
    'http://10.1.2.3/hook',
    'http://172.16.0.1/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:8080/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://0.0.0.0/hook',
    'http://100.64.0.1/hook',
    'http://localhost:9/hook',
  ])('refuses %s with 400', async (url) => {
    const r = await w.owner.http.post<{ error: { code: string } }>(base, { url });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('webhook_target_refused');
  });

  it('refuses non-http schemes and embedded credentials', async () => {
    for (const url of ['ftp://93.184.215.14/x', 'file:///etc/passwd', 'https://user:pw@93.184.215.14/x'])
      expect((await w.owner.http.post(base, { url })).status).toBe(400);
  });

  it('accepts a public address, and refuses a private one on update', async () => {
    const r = await w.owner.http.post<{ webhook: { id: string; version: number } }>(base, { url: 'https://93.184.215.14/hook' });
    expect(r.status).toBe(201);
    const u = await w.owner.http.patch<{ error: { code: string } }>(`${base}/${r.body.webhook.id}`, { version: r.body.webhook.version, url: 'http://10.0.0.1/' });
    expect(u.status).toBe(400);
    expect(u.body.error.code).toBe('webhook_target_refused');
    await w.owner.http.patch(`${base}/${r.body.webhook.id}`, { version: r.body.webhook.version, active: false });
  });

  it('checks the address again at delivery: a target that turned private is not called', async () => {
    // As if DNS had answered a public address at creation and a loopback one now (rebinding).
    const [row] = await t.database.db
      .insert(webhooks)
      .values({ engagementId: w.engagement.id, url: rx.url, secret: 'whsec_test', events: ['proposal.created'], sinceSeq: 0, createdByUserId: w.owner.session.user.id })
      .returning();
    const r = await w.owner.http.post<{ delivery: { id: string } }>(`${base}/${row!.id}/test`);
    expect(r.status).toBe(202);
    const logged = await waitFor('the refusal', async () => {
      const list = (await w.owner.http.get<{ deliveries: { id: string; status: string; attempts: number; lastError: string | null }[] }>(`${base}/${row!.id}/deliveries`)).body.deliveries;
      return list.find((d) => d.id === r.body.delivery.id && d.status === 'failed');
    });
    expect(logged.attempts).toBe(1);
    expect(logged.lastError).toMatch(/127\.0\.0\.1.*private/);
    await t.app.jobs.drain();
    expect(rx.received).toHaveLength(0);
  });

  it('classifies addresses', () => {
    expect(['8.8.8.8', '2001:4860:4860::8888', '93.184.215.14'].every(isPublicAddress)).toBe(true);
    expect(['127.0.0.1', '10.0.0.1', '169.254.1.1', '::1', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '192.168.0.1', 'not-an-ip'].some(isPublicAddress)).toBe(false);
  });
});
