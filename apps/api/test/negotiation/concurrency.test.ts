import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@bunkai/db';
import type { TCellWithProposal } from '@bunkai/domain';
import { type NegotiationWorld, createNegotiationWorld } from './world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

describe('concurrent writers on one cell', () => {
  it('two proposals sent with the same version: exactly one wins, the other gets 409, one open proposal remains', async () => {
    const { w, freshCell, openProposalCount, reload } = n;
    const ehr = w.vendors.ehr_vendor;
    const vpn = w.vendors.vpn_owner;
    // Several rounds, so the race is exercised more than once per run.
    for (let round = 0; round < 3; round++) {
      const cell = await freshCell();
      const [a, b] = await Promise.all([
        ehr.admin.http.post<{ cell: TCellWithProposal }>(`/api/v1/cells/${cell.id}/proposals`, {
          assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] },
          version: cell.version,
        }),
        vpn.admin.http.post<{ cell: TCellWithProposal }>(`/api/v1/cells/${cell.id}/proposals`, {
          assignment: { [w.hospitalPartyId]: ['A'], [vpn.partyId]: ['R'] },
          version: cell.version,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 201 ? a : b;
      expect(loser.body).toMatchObject({ error: { code: 'stale_version', details: { current: { version: cell.version + 1 } } } });
      expect(await openProposalCount(cell.id)).toBe(1);
      const now = await reload(cell.id);
      expect(now.version).toBe(cell.version + 1);
      expect(now.openProposal!.id).toBe(winner.body.cell.openProposal!.id);
    }
  });

  it('the two last required parties accept at the same time: the cell is agreed exactly once', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const ehr = w.vendors.ehr_vendor;
    const network = w.vendors.network_vendor;
    const vpn = w.vendors.vpn_owner;
    for (let round = 0; round < 3; round++) {
      const cell = await freshCell();
      // Needs the hospital, the network vendor (R) and the VPN owner (A).
      const p = await f.propose(ehr.admin, cell, { assignment: { [network.partyId]: ['R'], [vpn.partyId]: ['A'], [w.hospitalPartyId]: ['I'] } });
      await f.accept(w.owner, p.proposal.id);
      const results = await Promise.all([
        network.admin.http.post<{ cell: TCellWithProposal }>(`/api/v1/proposals/${p.proposal.id}/accept`, {}),
        vpn.admin.http.post<{ cell: TCellWithProposal }>(`/api/v1/proposals/${p.proposal.id}/accept`, {}),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(results.map((r) => r.body.cell.status).sort()).toEqual(['agreed', 'proposed']);
      const types = await eventTypes(cell.id);
      expect(types.filter((t) => t === 'cell.agreed')).toHaveLength(1);
      expect(types.filter((t) => t === 'proposal.accepted')).toHaveLength(3);
      const now = await n.reload(cell.id);
      expect(now).toMatchObject({ status: 'agreed', openProposal: null, version: cell.version + 4 });
    }
  });

  it('a late accept racing an agreement gets 409 proposal_closed, never a second agreement', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const ehr = w.vendors.ehr_vendor;
    const cell = await freshCell();
    // Only the hospital's consent is needed, so the same decisive accept sent twice races itself.
    const p = await f.propose(ehr.admin, cell, { assignment: { [w.hospitalPartyId]: ['R', 'A'], [w.vendors.network_vendor.partyId]: ['I'] } });
    const results = await Promise.all([
      w.owner.http.post<{ error?: { code: string } }>(`/api/v1/proposals/${p.proposal.id}/accept`, {}),
      w.owner.http.post<{ error?: { code: string } }>(`/api/v1/proposals/${p.proposal.id}/accept`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error!.code).toBe('proposal_closed');
    // An informed (I) party arriving after the agreement is told the proposal is closed.
    const late = await w.vendors.network_vendor.admin.http.post<{ error: { code: string } }>(`/api/v1/proposals/${p.proposal.id}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('proposal_closed');
    expect((await eventTypes(cell.id)).filter((t) => t === 'cell.agreed')).toHaveLength(1);
    expect((await verifyChain(n.db, n.eid)).ok).toBe(true);
  });
});
