import type { TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { createHttpClient, expectStatus } from '../../src/seed/http-client.ts';
import { createNegotiationFactories } from '../../src/seed/negotiation-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** The seven callers of the authorization sweep (and the fuzzers' owner and anonymous). */
export const ROLES = ['anonymous', 'nonParty', 'member', 'otherParty', 'signatory', 'observer', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An engagement built without a template (so every cell starts unassigned and
 * its whole history is in the event log): the hospital and three vendors
 * joined, an observer, a non-party organization; the EHR vendor's admin holds
 * the signatory right, its plain member does not.
 *
 * - owner: the hospital's admin; hospitalMember: a non-admin hospital user;
 * - signatory: the EHR vendor's admin (signatory of its party);
 * - member: a plain member of the EHR vendor (same party, not a signatory);
 * - otherParty: the network vendor's admin (another party);
 * - observer: the audit firm (observer party); nonParty: an organization in no party.
 */
export const createReliabilityWorld = async (overrides: Record<string, string> = {}) => {
  const t: TestApp = await createTestApp(overrides);
  const f = createNegotiationFactories(t.app);
  const owner = await f.registerOrganization({ name: '県立みなと病院', kind: 'hospital' });
  const engagement = await f.createEngagement(owner, { title: '信頼性試験 案件', systemName: '電子カルテ' });
  const eid = engagement.id;
  const hospitalPartyId = (await f.listParties(owner, eid)).find((p) => p.role === 'hospital')!.id;
  const join = async (name: string, role: 'ehr_vendor' | 'network_vendor' | 'vpn_owner' | 'observer') => {
    const admin = await f.registerOrganization({ name, kind: 'vendor' });
    const { partyId } = await f.inviteAndAccept(owner, eid, { role, displayName: name }, admin);
    return { admin, partyId };
  };
  const ehr = await join('あおば電子カルテ', 'ehr_vendor');
  const network = await join('みなとネットワーク', 'network_vendor');
  const vpn = await join('ひかりリモート保守', 'vpn_owner');
  const audit = await join('監査法人みどり', 'observer');
  await f.grantSignatory(ehr.admin, ehr.partyId, ehr.admin.session.user.id);
  const ehrMember = await f.addMember(ehr.admin);
  const hospitalMember = await f.addMember(owner);
  const outsider = await f.registerOrganization({ name: '無関係商事', kind: 'vendor' });
  await f.addDuties(owner, eid, ['GOV-01', 'CRD-01', 'INC-01', 'VUL-04', 'VUL-02', 'LOG-03', 'LOG-04', 'BKP-06', 'RMT-02']);
  await f.addAssets(owner, eid, [
    { name: '電子カルテDBサーバ', category: 'server', ownerPartyId: hospitalPartyId },
    { name: '電子カルテAPサーバ', category: 'server', ownerPartyId: hospitalPartyId },
    { name: 'リモート保守用VPN装置', category: 'vpn_appliance', ownerPartyId: vpn.partyId },
  ]);
  const callers: Record<Role, Member> = {
    anonymous: { ...outsider, http: createHttpClient(t.app) },
    nonParty: outsider,
    member: ehrMember,
    otherParty: network.admin,
    signatory: ehr.admin,
    observer: audit.admin,
    owner,
  };
  const matrix = async (query = ''): Promise<TMatrixResponse> =>
    expectStatus(await owner.http.get<TMatrixResponse>(`/api/v1/engagements/${eid}/cells${query ? `?${query}` : ''}`), 200, 'matrix');
  const cell = async (id: string): Promise<TMatrixCell> => expectStatus(await owner.http.get<{ cell: TMatrixCell }>(`/api/v1/cells/${id}`), 200, 'cell').cell;
  return {
    t,
    f,
    eid,
    engagement,
    owner,
    hospitalMember,
    hospitalPartyId,
    vendors: { ehr, network, vpn },
    audit,
    ehrMember,
    outsider,
    callers,
    matrix,
    cell,
  };
};
export type ReliabilityWorld = Awaited<ReturnType<typeof createReliabilityWorld>>;
