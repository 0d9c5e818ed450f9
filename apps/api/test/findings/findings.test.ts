import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells } from '@bunkai/db';
import type { TFindingsResponse } from '@bunkai/domain';
import { negotiationWorld } from '../../src/seed/world.ts';
import { type NegotiationWorld, createNegotiationWorld } from '../negotiation/world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

const findings = async (w: { observer: NegotiationWorld['w']['observer']; eid: string } = { observer: n.w.observer, eid: n.eid }) => {
  const res = await w.observer.http.get<TFindingsResponse>(`/api/v1/engagements/${w.eid}/findings`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /engagements/:id/findings (指摘)', () => {
  it('lists the findings, blocking first, with counts per severity', async () => {
    // A world of its own: the shared one hands its unassigned cells (the VPN patch cell among them) to the other test.
    const v = await negotiationWorld(n.t.app);
    const body = await findings(v);
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.counts.blocking).toBe(body.findings.filter((x) => x.severity === 'blocking').length);
    expect(body.counts.warning).toBe(body.findings.filter((x) => x.severity === 'warning').length);
    const firstWarning = body.findings.findIndex((x) => x.severity === 'warning');
    if (firstWarning >= 0) expect(body.findings.slice(firstWarning).every((x) => x.severity === 'warning')).toBe(true);
    // The template leaves the VPN appliance's patching open: it is reported.
    const m = await v.f.matrix(v.owner, v.eid);
    const vpn = m.assets.find((a) => a.category === 'vpn_appliance')!;
    const patch = m.duties.find((d) => d.concerns.includes('patch_management') && d.appliesTo.includes('vpn_appliance'))!;
    const cell = m.cells.find((c) => c.dutyId === patch.id && c.assetId === vpn.id)!;
    expect(body.findings.some((x) => x.code === 'unassigned' && x.cellIds.includes(cell.id))).toBe(true);
  });

  it('follows the matrix: a proposal clears "unassigned", an assignment without an A adds a blocking finding', async () => {
    const { w, f, freshCell, db } = n;
    const before = await findings();
    const cell = await freshCell();
    expect(before.findings.some((x) => x.code === 'unassigned' && x.cellIds.includes(cell.id))).toBe(true);
    await f.propose(w.vendors.ehr_vendor.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    const after = await findings();
    expect(after.findings.some((x) => x.code === 'unassigned' && x.cellIds.includes(cell.id))).toBe(false);

    const broken = await freshCell();
    await db.update(cells).set({ status: 'agreed', assignment: { [w.vendors.ehr_vendor.partyId]: ['R'] } }).where(eq(cells.id, broken.id));
    const withGap = await findings();
    expect(withGap.findings.find((x) => x.code === 'no_accountable')).toMatchObject({ severity: 'blocking', cellIds: [broken.id] });
    expect(withGap.counts.blocking).toBeGreaterThanOrEqual(1);
  });
});
