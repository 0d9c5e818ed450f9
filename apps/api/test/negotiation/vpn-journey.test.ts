import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@bunkai/db';
import type { TCellHistoryResponse, TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import type { NegotiationFactories } from '../../src/seed/negotiation-factories.ts';
import { type NegotiationWorld, negotiationWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: NegotiationFactories;
let w: NegotiationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await negotiationWorld(t.app);
  f = w.f;
});
afterAll(() => t.close());

/** The VPN appliance's patching cell: the duty with the patch_management concern on the vpn_appliance asset. */
const vpnPatchCell = (m: TMatrixResponse): TMatrixCell => {
  const vpn = m.assets.find((a) => a.category === 'vpn_appliance')!;
  const duty = m.duties.find((d) => d.concerns.includes('patch_management') && d.appliesTo.includes('vpn_appliance'))!;
  return m.cells.find((c) => c.dutyId === duty.id && c.assetId === vpn.id)!;
};

describe('the VPN story (VPN装置のパッチは誰が当てるのか)', () => {
  it('network vendor proposes, the VPN owner counters, hospital and network vendor accept: agreed, and the chain verifies', async () => {
    const { owner, hospitalPartyId, engagement, vendors } = w;
    const network = vendors.network_vendor;
    const vpnOwner = vendors.vpn_owner;

    const before = vpnPatchCell(await f.matrix(owner, engagement.id));
    // The template deliberately leaves it open: the gap behind the 2021–2022 incidents.
    expect(before.status).toBe('unassigned');
    expect(before.openProposal).toBeNull();
    expect(before.findingCodes).toContain('unassigned');

    const first = await f.propose(network.admin, before, {
      assignment: { [vpnOwner.partyId]: ['R', 'A'], [network.partyId]: ['C'], [hospitalPartyId]: ['I'] },
      reason: 'VPN装置はリモート保守回線事業者の持ち込み機器のため',
    });
    expect(first.cell.status).toBe('proposed');
    expect(first.cell.version).toBe(before.version + 1);
    expect(first.cell.openProposal?.pendingFrom.sort()).toEqual([hospitalPartyId, vpnOwner.partyId].sort());
    expect(first.cell.openProposal?.acceptedBy).toEqual([network.partyId]);

    const counter = await f.propose(vpnOwner.admin, first.cell, {
      assignment: { [network.partyId]: ['R'], [vpnOwner.partyId]: ['A'], [hospitalPartyId]: ['I'] },
      terms: { frequency: '月次（緊急の脆弱性は公表後72時間以内）', evidence: 'パッチ適用報告書' },
      reason: '適用作業は院内LANを保守するネットワーク事業者が行い、当社が責任を持つ',
    });
    expect(counter.proposal.supersedesId).toBe(first.proposal.id);
    expect(counter.cell.openProposal?.id).toBe(counter.proposal.id);
    expect(counter.cell.openProposal?.pendingFrom.sort()).toEqual([hospitalPartyId, network.partyId].sort());

    const afterHospital = await f.accept(owner, counter.proposal.id);
    expect(afterHospital.cell.status).toBe('proposed');
    expect(afterHospital.cell.openProposal?.pendingFrom).toEqual([network.partyId]);

    const agreed = await f.accept(network.admin, counter.proposal.id);
    expect(agreed.cell.status).toBe('agreed');
    expect(agreed.cell.openProposal).toBeNull();
    expect(agreed.cell.assignment).toEqual({ [network.partyId]: ['R'], [vpnOwner.partyId]: ['A'], [hospitalPartyId]: ['I'] });
    expect(agreed.cell.terms).toMatchObject({ frequency: '月次（緊急の脆弱性は公表後72時間以内）', evidence: 'パッチ適用報告書' });
    expect(agreed.proposal.status).toBe('agreed');
    expect(agreed.proposal.closedAt).not.toBeNull();

    const after = vpnPatchCell(await f.matrix(vpnOwner.admin, engagement.id));
    expect(after).toMatchObject({ status: 'agreed', openProposalId: null });
    expect(after.findingCodes).not.toContain('unassigned');

    const history = (await owner.http.get<TCellHistoryResponse>(`/api/v1/cells/${before.id}/history`)).body;
    expect(history.proposals.map((p) => p.status)).toEqual(['superseded', 'agreed']);
    expect(history.proposals[1]!.responses.map((r) => r.partyId)).toEqual([hospitalPartyId, network.partyId]);
    expect(history.events.map((e) => e.type)).toEqual(['proposal.created', 'proposal.countered', 'proposal.accepted', 'proposal.accepted', 'cell.agreed']);
    expect(history.events.at(-1)!.payload).toMatchObject({ assignment: agreed.cell.assignment, proposalId: counter.proposal.id });

    const chain = await verifyChain(t.database.db, engagement.id);
    expect(chain).toMatchObject({ ok: true, firstBreak: null });
    expect(chain.count).toBeGreaterThanOrEqual(5);
  });
});

describe('template suggestions (推奨分担) are never agreed by themselves', () => {
  it('needs the hospital and every R/A party to accept, the hospital included', async () => {
    const { owner, hospitalPartyId, engagement, vendors } = w;
    const m = await f.matrix(owner, engagement.id);
    // RMT-02 on the VPN appliance is suggested as hospital A, VPN owner R, EHR vendor C.
    const cell = f.pick(m, { dutyCode: 'RMT-02', assetCategory: 'vpn_appliance' });
    expect(cell.status).toBe('proposed');
    expect(cell.assignment).toBeNull();
    expect(cell.openProposal).toMatchObject({ suggested: true, proposerPartyId: hospitalPartyId, proposerUserId: null, acceptedBy: [] });
    expect(cell.openProposal!.pendingFrom.sort()).toEqual([hospitalPartyId, vendors.vpn_owner.partyId].sort());

    const vpnAccepted = await f.accept(vendors.vpn_owner.admin, cell.openProposal!.id);
    expect(vpnAccepted.cell.status).toBe('proposed');
    expect(vpnAccepted.cell.openProposal!.pendingFrom).toEqual([hospitalPartyId]);
    const agreed = await f.accept(owner, cell.openProposal!.id);
    expect(agreed.cell.status).toBe('agreed');
  });

  it('a suggestion only the hospital holds still waits for the hospital', async () => {
    const { owner, hospitalPartyId, engagement } = w;
    const cell = await f.findCell(owner, engagement.id, { dutyCode: 'DAT-02' });
    expect(cell.openProposal).toMatchObject({ suggested: true, pendingFrom: [hospitalPartyId] });
    expect(cell.status).toBe('proposed');
    const agreed = await f.accept(owner, cell.openProposal!.id);
    expect(agreed.cell).toMatchObject({ status: 'agreed', assignment: { [hospitalPartyId]: ['R', 'A'] } });
  });

  it('only the owner withdraws a suggestion; the cell falls back to unassigned', async () => {
    const { owner, engagement, vendors } = w;
    const cell = await f.findCell(owner, engagement.id, { dutyCode: 'VUL-03', assetCategory: 'network_device' });
    const denied = await vendors.network_vendor.admin.http.post(`/api/v1/proposals/${cell.openProposal!.id}/withdraw`, {});
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'not_proposer' } });
    const withdrawn = await f.withdraw(owner, cell.openProposal!.id);
    expect(withdrawn.cell).toMatchObject({ status: 'unassigned', openProposal: null });
    expect(withdrawn.proposal.status).toBe('withdrawn');
  });
});
