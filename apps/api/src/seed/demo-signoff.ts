import type { FastifyInstance } from 'fastify';
import type { TAssignment, TMatrixCell, TMatrixResponse, TParty, TRevisionView, TTerms } from '@bunkai/domain';
import type { Database } from '@bunkai/db';
import type { Config } from '../config.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from './demo-seed.ts';
import type { Member } from './factories.ts';
import { expectStatus } from './http-client.ts';
import { createSignoffFactories } from './signoff-factories.ts';

type DemoRole = 'hospital' | 'ehr_vendor' | 'network_vendor' | 'vpn_owner';
const ROLE_USER: Record<DemoRole, keyof typeof DEMO_USERS> = { hospital: 'hospital', ehr_vendor: 'ehr', network_vendor: 'network', vpn_owner: 'vpn' };
const ROLES = Object.keys(ROLE_USER) as DemoRole[];

/**
 * How the demo's unassigned cells get settled: who proposes which split (by
 * party role) for the cells of a duty, optionally only on assets of one
 * category. `null` marks the cells 対象外 with the reason given.
 */
type Settlement = {
  dutyCode: string;
  assetCategory?: string;
  proposer: DemoRole;
  assignment: Partial<Record<DemoRole, TAssignment[string]>>;
  terms?: Partial<TTerms>;
  reason: string;
} | { dutyCode: string; assetCategory?: string; notApplicable: string };

const SETTLEMENTS: Settlement[] = [
  // The classic gap: the VPN appliance's owner patches it and answers for it; the hospital is told.
  {
    dutyCode: 'VUL-02',
    assetCategory: 'vpn_appliance',
    proposer: 'vpn_owner',
    assignment: { vpn_owner: ['R', 'A'], hospital: ['I'] },
    terms: { responseTime: '重大な脆弱性は修正版公開から72時間以内に適用', frequency: '脆弱性情報を週次で確認', evidence: '適用報告書（適用前後のバージョン）' },
    reason: '当社が持ち込んだ装置のため、ファームウェア更新は当社が責任を持って実施します。',
  },
  { dutyCode: 'VUL-12', assetCategory: 'vpn_appliance', proposer: 'vpn_owner', assignment: { vpn_owner: ['R'], hospital: ['A'] }, terms: { frequency: '年1回' }, reason: '装置の診断は当社で実施します。' },
  { dutyCode: 'VUL-12', assetCategory: 'network_device', proposer: 'network_vendor', assignment: { network_vendor: ['R'], hospital: ['A'] }, terms: { frequency: '年1回' }, reason: 'スイッチの診断は当社で実施します。' },
  { dutyCode: 'VUL-12', assetCategory: 'server', proposer: 'ehr_vendor', assignment: { ehr_vendor: ['R'], hospital: ['A'] }, terms: { frequency: '年1回', evidence: '診断報告書' }, reason: 'サーバの診断は当社で実施します。' },
  { dutyCode: 'VUL-14', assetCategory: 'client_terminal', proposer: 'hospital', assignment: { hospital: ['R', 'A'], ehr_vendor: ['C'] }, terms: { remarks: '端末の更新は院内の調達計画で実施' }, reason: '端末は当院の資産のため当院で計画します。' },
  { dutyCode: 'BCP-06', proposer: 'hospital', assignment: { hospital: ['R', 'A'], ehr_vendor: ['C'] }, reason: '非常時の代替手段（紙運用を含む）は当院で確保します。' },
  { dutyCode: 'BKP-05', assetCategory: 'backup_media', notApplicable: 'NASは院内に設置し院外へ搬送しないため対象外（搬送はLTOテープで管理）' },
];

/** Counter to the demo's one dispute (RMT-02): the hospital takes the account inventory on, as the VPN owner asked. */
const COUNTER = {
  dutyCode: 'RMT-02',
  assignment: { hospital: ['R', 'A'], vpn_owner: ['C'] } as Partial<Record<DemoRole, TAssignment[string]>>,
  reason: 'ご指摘を受け、保守用アカウントの棚卸し・停止は当院で実施し、発行時は事前にご協議します。',
};

const LEFTOVER_REASON = '本契約の範囲外として当事者間で合意';

/**
 * The demo engagement settled and signed the way its parties would: each
 * party accepts what is asked of it, the dispute is countered, the open gaps
 * (the VPN appliance's patching first) are proposed and accepted, the missing
 * emergency contact is added; then the hospital freezes and all four
 * signatories sign with password + TOTP. Shared by the annex rendering test
 * and scripts/render-annex-images.ts.
 */
export const createDemoSignoff = (app: FastifyInstance) => {
  const f = createSignoffFactories(app);

  const signIn = async (): Promise<Record<DemoRole, Member>> => {
    const out = {} as Record<DemoRole, Member>;
    for (const role of ROLES) out[role] = await f.login(DEMO_USERS[ROLE_USER[role]].email, DEMO_PASSWORD);
    return out;
  };

  const partiesByRole = (parties: readonly TParty[]): Record<DemoRole, TParty> => {
    const out = {} as Record<DemoRole, TParty>;
    for (const role of ROLES) {
      const p = parties.find((x) => x.role === role);
      if (!p) throw new Error(`the demo has no ${role} party`);
      out[role] = p;
    }
    return out;
  };

  const byRole = (assignment: Partial<Record<DemoRole, TAssignment[string]>>, parties: Record<DemoRole, TParty>): TAssignment =>
    Object.fromEntries(Object.entries(assignment).map(([role, roles]) => [parties[role as DemoRole].id, roles!]));

  /** Every party accepts every open proposal waiting for it (disputed ones need a counter first). */
  const acceptPending = async (members: Record<DemoRole, Member>, parties: Record<DemoRole, TParty>, m: TMatrixResponse) => {
    const memberOf = new Map(ROLES.map((r) => [parties[r].id, members[r]]));
    for (const cell of m.cells) {
      if (!cell.openProposal || cell.status === 'disputed') continue;
      for (const partyId of cell.openProposal.pendingFrom) {
        const member = memberOf.get(partyId);
        if (member) await f.accept(member, cell.openProposal.id);
      }
    }
  };

  /** Settles every open item of the demo engagement; returns what is still open (normally nothing). */
  const resolveDemo = async (engagementId: string) => {
    const members = await signIn();
    const hospital = members.hospital;
    const parties = partiesByRole(await f.listParties(hospital, engagementId));

    // 連絡体制: the VPN owner adds the emergency contact the findings ask for.
    const vpn = parties.vpn_owner;
    if (vpn.emergencyContacts.length === 0)
      expectStatus(
        await members.vpn_owner.http.patch(`/api/v1/parties/${vpn.id}`, {
          version: vpn.version,
          emergencyContacts: [{ name: 'リモート保守センター（当番）', phone: '0120-000-400', email: 'soc@vpn.demo.example', hours: '24時間365日' }],
        }),
        200,
        'add emergency contact',
      );

    let m = await f.matrix(hospital, engagementId);
    const dutyCode = new Map(m.duties.map((d) => [d.id, d.code]));
    const categoryOf = new Map(m.assets.map((a) => [a.id, a.category as string]));
    const cellsOf = (code: string, category?: string): TMatrixCell[] =>
      m.cells.filter((c) => dutyCode.get(c.dutyId) === code && (category === undefined || (c.assetId !== null && categoryOf.get(c.assetId) === category)));

    for (const cell of cellsOf(COUNTER.dutyCode).filter((c) => c.status === 'disputed'))
      await f.propose(hospital, cell, { assignment: byRole(COUNTER.assignment, parties), reason: COUNTER.reason });

    for (const s of SETTLEMENTS) {
      for (const cell of cellsOf(s.dutyCode, s.assetCategory).filter((c) => c.status === 'unassigned')) {
        if ('notApplicable' in s) {
          expectStatus(await hospital.http.patch(`/api/v1/cells/${cell.id}/applicability`, { version: cell.version, notApplicable: true, reason: s.notApplicable }), 200, 'mark not applicable');
        } else {
          await f.propose(members[s.proposer], cell, { assignment: byRole(s.assignment, parties), ...(s.terms ? { terms: s.terms } : {}), reason: s.reason });
        }
      }
    }
    m = await f.matrix(hospital, engagementId);
    await acceptPending(members, parties, m);

    // Anything the template grows later and nobody settled above is taken out of scope, with a reason.
    m = await f.matrix(hospital, engagementId);
    for (const cell of m.cells.filter((c) => c.status !== 'agreed' && c.status !== 'not_applicable'))
      expectStatus(await hospital.http.patch(`/api/v1/cells/${cell.id}/applicability`, { version: cell.version, notApplicable: true, reason: LEFTOVER_REASON }), 200, 'mark leftover not applicable');

    // 初回確認 on the newly agreed VPN patch cell, as at the follow-up meeting.
    m = await f.matrix(hospital, engagementId);
    const vpnPatch = cellsOf('VUL-02', 'vpn_appliance')[0];
    if (vpnPatch?.status === 'agreed') await f.review(hospital, vpnPatch, { firstCheckAnswer: 'yes', firstCheckOn: '2026-11-30', completedOn: '2026-12-07' });
    return { members, parties };
  };

  /** Freezes revision N and has every party's signatory sign it (signatory right, TOTP enrollment, signature). */
  const freezeAndSignDemo = async (engagementId: string, members: Record<DemoRole, Member>, parties: Record<DemoRole, TParty>) => {
    const revision = await f.freeze(members.hospital, engagementId);
    let last: TRevisionView = revision;
    for (const role of ROLES) {
      const member = members[role];
      await f.grantSignatory(member, parties[role].id, member.session.user.id);
      const device = await f.enrollTotp(member);
      last = (await f.sign(member, revision.id, parties[role].id, device)).revision;
    }
    return { revision: last };
  };

  /** seedDemoIfEmpty, then resolveDemo and freezeAndSignDemo: the demo as an executed revision. */
  const seedSignedDemo = async (database: Database, config: Pick<Config, 'publicUrl'>) => {
    const seeded = await seedDemoIfEmpty(app, database, config);
    if (!seeded) throw new Error('seedSignedDemo needs an empty database');
    const { members, parties } = await resolveDemo(seeded.engagementId);
    const { revision } = await freezeAndSignDemo(seeded.engagementId, members, parties);
    return { engagementId: seeded.engagementId, revision, members, parties };
  };

  return { resolveDemo, freezeAndSignDemo, seedSignedDemo };
};
export type DemoSignoff = ReturnType<typeof createDemoSignoff>;
