import type { TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import { expectStatus } from '../../src/seed/http-client.ts';
import { createWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** The seven callers of the authorization sweep (and the fuzzers' owner and anonymous), in the one world vocabulary. */
export const ROLES = ['anonymous', 'outsider', 'vendorMember', 'otherVendor', 'vendor', 'observer', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An engagement built without a template (so every cell starts unassigned and
 * its whole history is in the event log): the hospital and three vendors
 * joined, an observer, an organization in no party; the EHR vendor's admin
 * (vendor) holds the signatory right, its plain user (vendorMember) does not;
 * otherVendor is the network vendor's admin; hospitalMember a non-admin hospital user.
 */
export const createReliabilityWorld = async (overrides: Record<string, string> = {}) => {
  const t: TestApp = await createTestApp(overrides);
  const w = await createWorld(t.app, {
    roles: [...ROLES, 'hospitalMember'],
    hospital: { name: '県立みなと病院' },
    engagement: { title: '信頼性試験 案件', systemName: '電子カルテ' },
    vendor: { role: 'ehr_vendor', name: 'あおば電子カルテ' },
    otherVendor: { role: 'network_vendor', name: 'みなとネットワーク' },
    extraVendors: [{ role: 'vpn_owner', name: 'ひかりリモート保守' }],
    observer: { name: '監査法人みどり' },
    outsider: { name: '無関係商事' },
    vendorSignatory: true,
  });
  const { f, owner, eid, hospitalPartyId } = w;
  const vendors = { ehr_vendor: w.vendors.ehr_vendor!, network_vendor: w.vendors.network_vendor!, vpn_owner: w.vendors.vpn_owner! };
  await f.addDuties(owner, eid, ['GOV-01', 'CRD-01', 'INC-01', 'VUL-04', 'VUL-02', 'LOG-03', 'LOG-04', 'BKP-06', 'RMT-02']);
  await f.addAssets(owner, eid, [
    { name: '電子カルテDBサーバ', category: 'server', ownerPartyId: hospitalPartyId },
    { name: '電子カルテAPサーバ', category: 'server', ownerPartyId: hospitalPartyId },
    { name: 'リモート保守用VPN装置', category: 'vpn_appliance', ownerPartyId: vendors.vpn_owner.partyId },
  ]);
  const matrix = async (query = ''): Promise<TMatrixResponse> =>
    expectStatus(await owner.http.get<TMatrixResponse>(`/api/v1/engagements/${eid}/cells${query ? `?${query}` : ''}`), 200, 'matrix');
  const cell = async (id: string): Promise<TMatrixCell> => expectStatus(await owner.http.get<{ cell: TMatrixCell }>(`/api/v1/cells/${id}`), 200, 'cell').cell;
  return { ...w, t, vendors, matrix, cell };
};
export type ReliabilityWorld = Awaited<ReturnType<typeof createReliabilityWorld>>;
