import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@bunkai/db';
import type { TMatrixResponse } from '@bunkai/domain';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { createFactories } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let engagementId: string;

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemoIfEmpty(t.app, t.database, t.config);
  expect(seeded).not.toBeNull();
  engagementId = seeded!.engagementId;
}, 120_000);
afterAll(() => t.close());

describe('demo seed', () => {
  it('lets every demo user sign in and see the demo engagement', async () => {
    const f = createFactories(t.app);
    for (const u of Object.values(DEMO_USERS)) {
      const m = await f.login(u.email, DEMO_PASSWORD);
      const list = await m.http.get<{ engagements: { id: string; title: string }[] }>('/api/v1/engagements');
      expect(list.body.engagements.map((e) => e.title)).toEqual(['デモ総合病院 電子カルテ更改']);
    }
  });

  it('has cells in every status and the VPN patching gap as a blocking finding', async () => {
    const m = await createFactories(t.app).login(DEMO_USERS.hospital.email, DEMO_PASSWORD);
    const matrix = await m.http.get<TMatrixResponse>(`/api/v1/engagements/${engagementId}/cells`);
    const statuses = new Set(matrix.body.cells.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['agreed', 'disputed', 'not_applicable', 'proposed', 'unassigned']);
    const findings = await m.http.get<{ findings: { code: string; severity: string; cellIds: string[] }[] }>(`/api/v1/engagements/${engagementId}/findings`);
    const vulDuty = matrix.body.duties.find((d) => d.code === 'VUL-02')!;
    const vpnAsset = matrix.body.assets.find((a) => a.category === 'vpn_appliance')!;
    const vpnPatch = matrix.body.cells.find((c) => c.dutyId === vulDuty.id && c.assetId === vpnAsset.id)!;
    expect(findings.body.findings).toContainEqual(expect.objectContaining({ severity: 'blocking', cellIds: [vpnPatch.id] }));
  });

  it('recorded every step in a verifiable event chain, and does not seed twice', async () => {
    const v = await verifyChain(t.database.db, engagementId);
    expect(v.ok).toBe(true);
    expect(v.count).toBeGreaterThan(100);
    expect(await seedDemoIfEmpty(t.app, t.database, t.config)).toBeNull();
  });
});
