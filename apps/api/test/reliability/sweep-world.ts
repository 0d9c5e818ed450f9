import type { TAssignment, TMatrixCell, TSession } from '@bunkai/domain';
import { expectStatus } from '../../src/seed/http-client.ts';
import { type ReliabilityWorld, createReliabilityWorld } from './world.ts';

/**
 * The reliability world made ready for the authorization sweep: signing
 * without TOTP (so the signatory's request is a complete one), the matrix
 * settled and frozen into a revision, and makers of fresh objects for the
 * routes that consume what they act on.
 */
export const createSweepWorld = async () => {
  const w: ReliabilityWorld = await createReliabilityWorld();
  const { f, owner, eid } = w;
  const ehrPartyId = w.vendors.ehr.partyId;
  const signatory = w.callers.signatory;
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
    ehrMemberUserId: w.ehrMember.session.user.id,
    signatoryPassword: signatory.password,
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
      return (await f.propose(signatory, c, { assignment: split })).proposal.id;
    },
    freshAsset: async () => (await f.addAssets(owner, eid, [{ name: `削除用 ${next++}`, category: 'client_terminal' }])).assets[0]!.id,
    freshInvitation: async () => {
      const r = await f.invite(owner, eid, { role: 'other', displayName: `招待先 ${next++}` }, `invitee-${Date.now().toString(36)}-${next}@example.test`);
      return { id: r.invitation.id, token: r.token };
    },
    freshSession: async (): Promise<TSession> => (await f.registerOrganization()).session,
  };
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
