import type { FastifyInstance } from 'fastify';
import type { TContact, TMatrixCell, TMatrixResponse, TParty } from '@bunkai/domain';
import { type Database, organizationsRepository } from '@bunkai/db';
import type { Config } from '../config.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import type { Member } from './factories.ts';
import { expectStatus } from './http-client.ts';
import { createNegotiationFactories } from './negotiation-factories.ts';

export const DEMO_PASSWORD = 'bunkai-demo';
export const DEMO_ENGAGEMENT_TITLE = 'デモ総合病院 電子カルテ更改';
export const DEMO_USERS = {
  hospital: { email: 'hospital@demo.example', org: 'デモ総合病院', kind: 'hospital' as const, name: '情報システム課 山田' },
  ehr: { email: 'ehr@demo.example', org: 'デモ電子カルテ株式会社', kind: 'vendor' as const, name: '導入担当 佐藤' },
  network: { email: 'network@demo.example', org: 'デモネットワーク株式会社', kind: 'vendor' as const, name: 'ネットワーク担当 鈴木' },
  vpn: { email: 'vpn@demo.example', org: 'デモリモート保守株式会社', kind: 'vendor' as const, name: '保守窓口 高橋' },
};

const contact = (name: string, phone: string, email: string, hours: string): TContact => ({ name, phone, email, hours });

/**
 * On first start with an empty database: the demo engagement from the on-prem
 * template with four organizations, through the same factories (and so the
 * same routes, rules and events) the tests use. Cells end up in every status,
 * and the classic gap — nobody accountable for patching the VPN appliance —
 * stays open as a blocking finding.
 */
export const seedDemoIfEmpty = async (app: FastifyInstance, database: Database, config: Pick<Config, 'publicUrl'>, clock: Clock = systemClock) => {
  if (await organizationsRepository(database.db).any()) return null;
  const f = createNegotiationFactories(app);

  const register = (u: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) =>
    f.registerOrganization({ name: u.org, kind: u.kind, email: u.email, displayName: u.name, password: DEMO_PASSWORD });
  const hospital = await register(DEMO_USERS.hospital);
  const vendors = { ehr_vendor: await register(DEMO_USERS.ehr), network_vendor: await register(DEMO_USERS.network), vpn_owner: await register(DEMO_USERS.vpn) };

  const engagement = await f.createEngagement(hospital, { templateCode: 'onprem-ehr-vpn', title: DEMO_ENGAGEMENT_TITLE, systemName: '電子カルテシステム（オンプレミス）' });
  const placeholders = await f.listParties(hospital, engagement.id);
  const memberByParty = new Map<string, Member>();
  for (const p of placeholders) {
    if (p.role === 'hospital') memberByParty.set(p.id, hospital);
    const vendor = vendors[p.role as keyof typeof vendors];
    if (vendor) {
      await f.inviteAndAccept(hospital, engagement.id, p.id, vendor);
      memberByParty.set(p.id, vendor);
    }
  }

  // 連絡体制: everyone but the VPN owner gives an emergency contact.
  const contacts: Record<string, { normal: TContact[]; emergency: TContact[]; contract: string }> = {
    hospital: { normal: [contact('山田 太郎', '03-0000-1000', 'hospital@demo.example', '平日 8:30-17:15')], emergency: [contact('当直 情報システム', '03-0000-1999', 'it-oncall@demo.example', '24時間365日')], contract: '—' },
    ehr_vendor: { normal: [contact('佐藤 花子', '03-0000-2000', 'ehr@demo.example', '平日 9:00-18:00')], emergency: [contact('EHR保守センター', '0120-000-200', 'support@ehr.demo.example', '24時間365日')], contract: '電子カルテ保守契約 第2026-01号' },
    network_vendor: { normal: [contact('鈴木 一郎', '03-0000-3000', 'network@demo.example', '平日 9:00-17:30')], emergency: [contact('NOC', '0120-000-300', 'noc@net.demo.example', '24時間365日')], contract: 'ネットワーク運用保守契約 第NW-118号' },
    vpn_owner: { normal: [contact('高橋 健', '03-0000-4000', 'vpn@demo.example', '平日 10:00-17:00')], emergency: [], contract: 'リモート保守サービス利用契約' },
  };
  for (const p of placeholders) {
    const c = contacts[p.role];
    const member = memberByParty.get(p.id);
    if (!c || !member) continue;
    const current = (await f.listParties(hospital, engagement.id)).find((x) => x.id === p.id) as TParty;
    expectStatus(
      await member.http.patch(`/api/v1/parties/${p.id}`, { version: current.version, normalContacts: c.normal, emergencyContacts: c.emergency, contractReference: c.contract }),
      200,
      'update party contacts',
    );
    await f.grantSignatory(member, p.id, member.session.user.id);
  }

  // Negotiation state: most suggestions accepted by everyone they need, a few left open, one disputed, one n/a.
  const m: TMatrixResponse = await f.matrix(hospital, engagement.id);
  const suggested = m.cells.filter((c) => c.openProposal?.suggested);
  const dutyCode = new Map(m.duties.map((d) => [d.id, d.code]));
  const keepOpen = new Set(suggested.filter((_, i) => i % 5 === 4).map((c) => c.id));
  const disputed = suggested.find((c) => dutyCode.get(c.dutyId) === 'RMT-02');
  for (const cell of suggested) {
    if (keepOpen.has(cell.id) || cell.id === disputed?.id) continue;
    for (const partyId of cell.openProposal!.pendingFrom) {
      const member = memberByParty.get(partyId);
      if (member) await f.accept(member, cell.openProposal!.id);
    }
  }
  if (disputed?.openProposal) {
    await f.reject(vendors.vpn_owner, disputed.openProposal.id, '保守用アカウントの棚卸しは病院側の運用で実施いただく想定です。');
  }

  const after = await f.matrix(hospital, engagement.id);
  const byCode = (code: string): TMatrixCell[] => after.cells.filter((c) => dutyCode.get(c.dutyId) === code);
  const naCell = after.cells.find((c) => c.status === 'proposed' && keepOpen.has(c.id));
  if (naCell) {
    expectStatus(
      await hospital.http.patch(`/api/v1/cells/${naCell.id}/applicability`, { version: naCell.version, notApplicable: true, reason: '当院では該当する運用がないため対象外' }),
      200,
      'mark not applicable',
    );
  }
  const vpnPatch = byCode('VUL-02').find((c) => c.status === 'unassigned');
  if (vpnPatch) await f.comment(hospital, vpnPatch.id, 'VPN装置のファームウェア更新を誰が責任を持って行うか、まだ決まっていません。ご提案をお願いします。');

  // 初回確認 / 完了日 on a few agreed cells, as at a kickoff meeting.
  // The いいえ's target date is two months after seeding: a fixed date would turn the fresh demo overdue one day.
  const target = new Date(clock.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
  const agreed = after.cells.filter((c) => c.status === 'agreed').slice(0, 6);
  for (const [i, c] of agreed.entries()) {
    expectStatus(
      await hospital.http.patch(`/api/v1/cells/${c.id}/review`, { version: c.version, firstCheckAnswer: i === 5 ? 'no' : 'yes', firstCheckOn: '2026-11-02', ...(i < 3 ? { completedOn: '2026-11-16' } : {}), ...(i === 5 ? { completionDueOn: target } : {}) }),
      200,
      'kickoff review',
    );
  }

  const lines = [
    'Demo data seeded: engagement 「' + DEMO_ENGAGEMENT_TITLE + '」',
    `  open ${config.publicUrl} and sign in with any of (password: ${DEMO_PASSWORD}):`,
    ...Object.values(DEMO_USERS).map((u) => `    ${u.email.padEnd(24)} ${u.org}`),
  ];
  return { engagementId: engagement.id, banner: lines.join('\n') };
};
