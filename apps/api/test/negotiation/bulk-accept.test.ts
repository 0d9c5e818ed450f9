import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBulkAcceptResponse, TInboxResponse, TMatrixCell } from '@bunkai/domain';
import { negotiationWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type W = Awaited<ReturnType<typeof negotiationWorld>>;
const consentCount = async (m: W['owner'], eid: string) =>
  (await m.http.get<TInboxResponse>(`/api/v1/me/inbox?engagementId=${eid}`)).body.byKind.consent;
const bulkAccept = (m: W['owner'], eid: string, body: unknown) => m.http.post<TBulkAcceptResponse>(`/api/v1/engagements/${eid}/proposals/accept`, body);

describe('bulk accept (一括承諾)', () => {
  it('a vendor accepts every proposal waiting for its consent (the template suggestions) with one filter; its inbox empties', async () => {
    const w = await negotiationWorld(t.app);
    const ehr = w.vendors.ehr_vendor;
    const waiting = await consentCount(ehr.admin, w.eid);
    expect(waiting).toBeGreaterThan(10);
    const res = await bulkAccept(ehr.admin, w.eid, { filter: {} });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(waiting);
    expect(res.body.counts).toEqual({ agreed: 0, waiting, refused: 0 });
    // Template suggestions still need the hospital (推奨分担は合意ではない): each now waits for the others, never for the vendor.
    expect(res.body.results.every((r) => r.outcome === 'waiting' && !r.pendingFrom.includes(ehr.partyId) && r.pendingFrom.includes(w.hospitalPartyId))).toBe(true);
    expect(await consentCount(ehr.admin, w.eid)).toBe(0);

    // The hospital accepting the same cells completes the ones that waited for nobody else.
    const ids = res.body.results.map((r) => r.cellId);
    const onlyHospital = res.body.results.filter((r) => r.pendingFrom.length === 1).map((r) => r.cellId);
    const hospital = await bulkAccept(w.owner, w.eid, { cellIds: ids });
    expect(hospital.body.counts.agreed).toBe(onlyHospital.length);
    expect(hospital.body.results.filter((r) => r.outcome === 'agreed').map((r) => r.cellId).sort()).toEqual([...onlyHospital].sort());
  });

  it('reports per cell: agreed, still waiting for X, or refused because (C/I only, disputed, no open proposal); same rules as one accept', async () => {
    const w = await negotiationWorld(t.app);
    const ehr = w.vendors.ehr_vendor;
    const net = w.vendors.network_vendor;
    const cells = (await w.f.matrix(w.owner, w.eid, 'status=unassigned')).cells as TMatrixCell[];
    const [a, b, c, d, e] = cells;
    const agreeable = await w.f.propose(w.owner, a!, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
    const shared = await w.f.propose(w.owner, b!, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'], [net.partyId]: ['R'] } });
    const informed = await w.f.propose(w.owner, c!, { assignment: { [w.hospitalPartyId]: ['A'], [net.partyId]: ['R'], [ehr.partyId]: ['I'] } });
    const disputed = await w.f.propose(w.owner, d!, { assignment: { [w.hospitalPartyId]: ['A'], [net.partyId]: ['R'], [ehr.partyId]: ['R'] } });
    await w.f.reject(net.admin, disputed.proposal.id, '回線側では対応できません');
    const other = await negotiationWorld(t.app);
    const foreign = (await other.f.matrix(other.owner, other.eid)).cells[0]!;
    // The hospital taking R and A alone is agreed at once: nothing left to accept.
    const agreedCell = (await w.f.propose(w.owner, e!, { assignment: { [w.hospitalPartyId]: ['A', 'R'] } })).cell;
    expect(agreedCell.status).toBe('agreed');

    const res = await bulkAccept(ehr.admin, w.eid, { cellIds: [a!.id, b!.id, informed.cell.id, d!.id, foreign.id, agreedCell.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const by = new Map(res.body.results.map((r) => [r.cellId, r]));
    expect(by.get(a!.id)).toMatchObject({ outcome: 'agreed', proposalId: agreeable.proposal.id, pendingFrom: [], code: null });
    expect(by.get(b!.id)).toMatchObject({ outcome: 'waiting', proposalId: shared.proposal.id, pendingFrom: [net.partyId] });
    expect(by.get(informed.cell.id)).toMatchObject({ outcome: 'refused', code: 'consent_not_required' });
    expect(by.get(d!.id)).toMatchObject({ outcome: 'refused', code: 'proposal_disputed' });
    expect(by.get(foreign.id)).toMatchObject({ outcome: 'refused', code: 'not_found' });
    expect(by.get(agreedCell.id)).toMatchObject({ outcome: 'refused', code: 'no_open_proposal' });
    expect(res.body.results.map((r) => r.cellId)[0]).toBe(a!.id);

    // Observers cannot respond; outsiders do not see the engagement; bad bodies are 400.
    expect((await bulkAccept(w.observer, w.eid, { cellIds: [a!.id] })).status).toBe(403);
    expect((await bulkAccept(w.outsider, w.eid, { cellIds: [a!.id] })).status).toBe(404);
    expect((await bulkAccept(ehr.admin, w.eid, { cellIds: [] })).status).toBe(400);
    expect((await bulkAccept(ehr.admin, w.eid, { filter: { status: 'nonsense' } })).status).toBe(400);
    expect((await bulkAccept(ehr.admin, w.eid, { cellIds: [a!.id], filter: {} })).status).toBe(400);
  });
});
