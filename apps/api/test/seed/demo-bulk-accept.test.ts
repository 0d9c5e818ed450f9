import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBulkAcceptResponse, TInboxResponse } from '@bunkai/domain';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { createFactories } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

// A demo of its own: bulk accept changes the cells the demo-seed tests look at.
let t: TestApp;
let engagementId: string;
beforeAll(async () => {
  t = await createTestApp();
  engagementId = (await seedDemoIfEmpty(t.app, t.database, t.config))!.engagementId;
}, 120_000);
afterAll(() => t.close());

describe('the demo, issue 15', () => {
  it('the EHR vendor accepts every proposal waiting for it in one bulk accept; its inbox has no consent left', async () => {
    const vendor = await createFactories(t.app).login(DEMO_USERS.ehr.email, DEMO_PASSWORD);
    const inbox = async () => (await vendor.http.get<TInboxResponse>(`/api/v1/me/inbox?engagementId=${engagementId}`)).body;
    const before = await inbox();
    expect(before.byKind.consent).toBeGreaterThan(0);
    const res = await vendor.http.post<TBulkAcceptResponse>(`/api/v1/engagements/${engagementId}/proposals/accept`, { filter: {} });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(before.byKind.consent);
    expect(res.body.counts.refused).toBe(0);
    const after = await inbox();
    expect(after.byKind.consent).toBe(0);
    const list = await vendor.http.get<{ engagements: { id: string; waiting?: number }[] }>('/api/v1/engagements');
    expect(list.body.engagements.find((e) => e.id === engagementId)?.waiting).toBe(after.total);
  });
});
