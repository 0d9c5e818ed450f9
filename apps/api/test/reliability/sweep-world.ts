import type { TAssignment, TMatrixCell } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { expectStatus } from '../../src/seed/http-client.ts';
import { type ReliabilityWorld, createReliabilityWorld } from './world.ts';

export type SignoffStateKind = 'archived' | 'executed' | 'superseded';
export type SignoffStateWorld = { kind: SignoffStateKind; eid: string; revisionId: string; ehrPartyId: string };

/**
 * The reliability world made ready for the authorization sweep: signing
 * without TOTP (so the signatory's request is a complete one), the matrix
 * settled and frozen into a revision, and makers of fresh objects for the
 * routes that consume what they act on.
 */
/** Webhooks of the sweep point at a closed local port: the routes are checked, nothing is delivered. */
const webhookBody = () => ({ url: 'http://127.0.0.1:9/sweep', events: ['cell.agreed'] });

export const createSweepWorld = async () => {
  const w: ReliabilityWorld = await createReliabilityWorld({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  const { f, owner, eid } = w;
  const ehrPartyId = w.vendors.ehr_vendor.partyId;
  const vendor = w.callers.vendor;
  const eng = expectStatus(await owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${eid}`), 200, 'engagement').engagement;
  expectStatus(await owner.http.patch(`/api/v1/engagements/${eid}`, { version: eng.version, requireTwoFactorToSign: false }), 200, 'no 2FA to sign');
  // Every party reachable in an emergency, then the hospital takes every cell: the matrix can be frozen.
  for (const p of await f.listParties(owner, eid)) {
    if (p.role === 'observer') continue;
    expectStatus(
      await owner.http.patch(`/api/v1/parties/${p.id}`, { version: p.version, emergencyContacts: [{ name: '緊急窓口', phone: '090-0000-0000', email: '', hours: '24時間' }] }),
      200,
      'emergency contact',
    );
  }
  const all = (await w.matrix()).cells;
  await f.bulkPropose(owner, eid, { cellIds: all.map((c) => c.id), assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
  const frozen = await owner.http.post<{ revision: { id: string } }>(`/api/v1/engagements/${eid}/revisions`, {});
  const revisionId = expectStatus(frozen, 201, 'freeze').revision.id;

  const [cell, naCell, bulkCell, ...rest] = all;
  const pool = rest.length ? rest : [cell!];
  let next = 0;
  const split: TAssignment = { [w.hospitalPartyId]: ['A'], [ehrPartyId]: ['R'] };
  const naDuty = (await f.addDuties(owner, eid, { custom: customDuty('SWEEP-NA') })).duties[0]!;
  const assets = (await w.matrix()).assets;
  const version = async (url: string, key: string) => (expectStatus(await owner.http.get<Record<string, { version: number }>>(url), 200, key)[key] as { version: number }).version;
  const loginUser = await f.registerOrganization({ name: 'ログイン確認用', kind: 'vendor' });

  return {
    ...w,
    ehrPartyId,
    vendorMemberUserId: w.vendorMember.session.user.id,
    signatoryPassword: vendor.password,
    revisionId,
    cellId: cell!.id,
    naCellId: naCell!.id,
    bulkCellId: bulkCell!.id,
    assetId: assets[0]!.id,
    naDutyId: naDuty.id,
    split,
    loginUser,
    customDuty,
    cellVersion: async (id: string) => (await w.cell(id)).version,
    engagementVersion: () => version(`/api/v1/engagements/${eid}`, 'engagement'),
    partyVersion: async (id: string) => (await f.listParties(owner, eid)).find((p) => p.id === id)!.version,
    assetVersion: async (id: string) => (await w.matrix()).assets.find((a) => a.id === id)!.version,
    dutyVersion: async (id: string) => (await f.listDuties(owner, eid)).find((d) => d.id === id)!.version,
    /** A new open proposal by the EHR vendor (hospital A, vendor R) on one of the spare cells. */
    freshProposal: async (): Promise<string> => {
      const c: TMatrixCell = await w.cell(pool[next++ % pool.length]!.id);
      return (await f.propose(vendor, c, { assignment: split })).proposal.id;
    },
    freshAsset: async () => (await f.addAssets(owner, eid, [{ name: `削除用 ${next++}`, category: 'client_terminal' }])).assets[0]!.id,
    /** Sent to `email` (the caller's own, for accepting); a throwaway address otherwise. */
    freshInvitation: async (email?: string) => {
      const r = await f.invite(owner, eid, { role: 'other', displayName: `招待先 ${next++}` }, email ?? `invitee-${Date.now().toString(36)}-${next}@example.test`);
      return { id: r.invitation.id, token: r.token };
    },
    /** The refresh-token cookie value of a new sign-in. */
    freshRefreshToken: async (): Promise<string> => (await f.registerOrganization()).refreshToken,
    webhookBody,
    freshWebhook: async (): Promise<{ id: string; version: number }> =>
      expectStatus(await owner.http.post<{ webhook: { id: string; version: number } }>(`/api/v1/engagements/${eid}/webhooks`, webhookBody()), 201, 'webhook').webhook,
    /** Another engagement of the same cast whose revision 1 ends archived, executed or superseded. */
    signoffState: (kind: SignoffStateKind) => createSignoffState(w, kind),
  };
};

/**
 * The same seven callers in a small engagement of their own (engagement-wide duties only,
 * agreed by the hospital alone), frozen into revision 1, then:
 * archived — the engagement archived; executed — every non-observer party signed
 * (the owner and the network vendor's admin sign for their parties there);
 * superseded — the matrix changed after freezing.
 */
const createSignoffState = async (w: ReliabilityWorld, kind: SignoffStateKind): Promise<SignoffStateWorld> => {
  const { f, owner, callers } = w;
  const eid = (await f.createEngagement(owner, { title: `署名状態 ${kind}`, systemName: '電子カルテ' })).id;
  const hospitalPartyId = (await f.listParties(owner, eid)).find((p) => p.role === 'hospital')!.id;
  const ehrPartyId = (await f.inviteAndAccept(owner, eid, { role: 'ehr_vendor', displayName: 'あおば電子カルテ' }, callers.vendor)).partyId;
  const networkPartyId = (await f.inviteAndAccept(owner, eid, { role: 'network_vendor', displayName: 'みなとネットワーク' }, callers.otherVendor)).partyId;
  await f.inviteAndAccept(owner, eid, { role: 'observer', displayName: '監査法人みどり' }, callers.observer);
  await f.grantSignatory(callers.vendor, ehrPartyId, callers.vendor.session.user.id);
  const eng = async () => expectStatus(await owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${eid}`), 200, 'engagement').engagement;
  expectStatus(await owner.http.patch(`/api/v1/engagements/${eid}`, { version: (await eng()).version, requireTwoFactorToSign: false }), 200, 'no 2FA to sign');
  for (const p of await f.listParties(owner, eid)) {
    if (p.role === 'observer') continue;
    const contacts = [{ name: '緊急窓口', phone: '090-0000-0000', email: '', hours: '24時間' }];
    expectStatus(await owner.http.patch(`/api/v1/parties/${p.id}`, { version: p.version, emergencyContacts: contacts }), 200, 'emergency contact');
  }
  await f.addDuties(owner, eid, ['GOV-01', 'CRD-01']);
  const cells = (await f.matrix(owner, eid)).cells;
  await f.bulkPropose(owner, eid, { cellIds: cells.map((c) => c.id), assignment: { [hospitalPartyId]: ['R', 'A'] } });
  const revisionId = expectStatus(await owner.http.post<{ revision: { id: string } }>(`/api/v1/engagements/${eid}/revisions`, {}), 201, 'freeze').revision.id;
  const sign = async (who: Member, partyId: string) =>
    expectStatus(await who.http.post(`/api/v1/revisions/${revisionId}/signatures`, { partyId, password: who.password }), 201, `sign (${kind})`);
  if (kind === 'archived') expectStatus(await owner.http.patch(`/api/v1/engagements/${eid}`, { version: (await eng()).version, archived: true }), 200, 'archive');
  if (kind === 'executed') {
    await f.grantSignatory(owner, hospitalPartyId, owner.session.user.id);
    await f.grantSignatory(callers.otherVendor, networkPartyId, callers.otherVendor.session.user.id);
    await sign(owner, hospitalPartyId);
    await sign(callers.vendor, ehrPartyId);
    await sign(callers.otherVendor, networkPartyId);
  }
  if (kind === 'superseded') {
    const cell = expectStatus(await owner.http.get<{ cell: { id: string; version: number } }>(`/api/v1/cells/${cells[0]!.id}`), 200, 'cell').cell;
    expectStatus(await owner.http.patch(`/api/v1/cells/${cell.id}/review`, { version: cell.version, notes: '凍結後の変更' }), 200, 'change after freezing');
  }
  return { kind, eid, revisionId, ehrPartyId };
};
export type SweepWorld = Awaited<ReturnType<typeof createSweepWorld>>;

function customDuty(code: string) {
  return {
    code,
    title: { ja: '権限試験の院内項目', en: 'Sweep clause' },
    description: { ja: '権限試験のための院内独自項目。', en: 'A hospital clause for the sweep.' },
    phase: 'normal' as const,
    category: 'governance' as const,
    appliesTo: [],
    kakuninhyoPart: 2 as const,
    order: 9000,
    references: [{ document: 'mhlw-gl6-ops', section: '§3' }],
  };
}
