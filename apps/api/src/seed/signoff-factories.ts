import type { FastifyInstance } from 'fastify';
import type { TCellWithProposal, TParty, TRevisionView, TSignatureView } from '@bunkai/domain';
import { generateTotp } from '../modules/auth/index.ts';
import type { Member } from './factories.ts';
import { expectStatus } from './http-client.ts';
import { createNegotiationFactories } from './negotiation-factories.ts';
import { createWorld } from './world.ts';

type TSignResponseBody = { signature: TSignatureView; revision: TRevisionView };

const STEP_MS = 30_000;
const stepAt = (ms: number) => Math.floor(ms / STEP_MS);

/** The time the factories' authenticator apps read; a test passes the app's manual clock (with `advance`) so no one waits for a step. */
export type FactoryClock = { now: () => Date; advance?: (ms: number) => void };

/**
 * An authenticator app for one enrolled user. The server accepts codes of the
 * previous, current and next 30-second step and never the same step twice, so
 * the device hands out strictly increasing steps inside that window: one
 * enrollment plus two signatures per user within half a minute.
 */
export type TotpDevice = {
  secret: string;
  /** A fresh code (the server will consume its step). */
  next: () => string;
  /** The code `next` would give, without using it up: for attempts the server refuses before consuming the step. */
  peek: () => string;
  /** The code of the last step used (the server refuses it as a replay). */
  replay: () => string;
};

const totpDevice = (secret: string, enrolledStep: number, clock: FactoryClock): TotpDevice => {
  let last = enrolledStep;
  const stepNow = () => stepAt(clock.now().getTime());
  const codeAt = (step: number) => generateTotp(secret, step * STEP_MS + 1_000);
  const upcoming = () => {
    const step = Math.max(last + 1, stepNow());
    // A manual clock moves on to the next step; the real one cannot be hurried.
    while (step > stepNow() + 1) {
      if (!clock.advance) throw new Error('TOTP device: no unused time step left in the accepted window; use another signer');
      clock.advance(STEP_MS);
    }
    return step;
  };
  return {
    secret,
    next: () => {
      last = upcoming();
      return codeAt(last);
    },
    peek: () => codeAt(upcoming()),
    replay: () => codeAt(last),
  };
};

/**
 * Factories for sign-off (凍結・署名): a small engagement whose matrix can be
 * frozen, signatories with TOTP, freeze and sign through the real routes.
 * Every name, date and term is fixed, so the same calls build the same
 * canonical revision (and hash) on any engine and on any day.
 */
export const createSignoffFactories = (app: FastifyInstance, clock: FactoryClock = { now: () => new Date() }) => {
  const nf = createNegotiationFactories(app);

  /**
   * Enrolls TOTP through the auth routes; the enrollment code uses the previous step so later ones stay fresh.
   * Steps of the factories' clock come first, then the real clock's (enrollment may still read the real one).
   */
  const enrollTotp = async (member: Member): Promise<TotpDevice> => {
    const { secret } = expectStatus(await member.http.post<{ secret: string }>('/api/v1/auth/totp/enroll'), 200, 'totp enroll');
    const here = stepAt(clock.now().getTime());
    const real = stepAt(Date.now());
    for (const step of new Set([here - 1, here, real - 1, real])) {
      const res = await member.http.post('/api/v1/auth/totp/verify', { code: generateTotp(secret, step * STEP_MS + 1_000) });
      if (res.status === 200) return totpDevice(secret, step, clock);
    }
    throw new Error('totp verify failed for every candidate step');
  };

  const review = async (member: Member, cell: Pick<TCellWithProposal, 'id' | 'version'>, body: Record<string, unknown>) =>
    expectStatus(await member.http.patch<{ cell: TCellWithProposal }>(`/api/v1/cells/${cell.id}/review`, { ...body, version: cell.version }), 200, 'review').cell;

  /**
   * ひまわり総合病院 and さくらネットワーク agree three cells (one engagement-wide
   * duty, one duty on a server and a switch); 監査法人みどり observes. Both
   * organizations' admins are signatories with TOTP; the hospital also has a
   * plain member (not a signatory); an outsider is no party at all.
   */
  const signoffWorld = async (opts: { enrollTotp?: boolean } = {}) => {
    const w = await createWorld(app, {
      roles: ['owner', 'hospitalMember', 'vendor', 'observer', 'outsider'],
      hospital: { name: 'ひまわり総合病院', displayName: '情報システム課 山田' },
      engagement: { title: '電子カルテ保守 責任分界', systemName: '電子カルテシステム' },
      vendor: { role: 'network_vendor', name: 'さくらネットワーク株式会社', displayName: '保守部 佐藤', partyName: 'さくらネットワーク' },
      observer: { name: '監査法人みどり' },
      hospitalMember: { displayName: '医事課 田中' },
      outsider: { name: '無関係商事' },
    });
    const { eid, owner, vendor, observer, hospitalMember, outsider } = w;
    const vendorPartyId = w.vendorPartyId!;
    const observerPartyId = w.observerPartyId!;
    const hospitalParty = w.parties.find((p) => p.role === 'hospital')!;

    expectStatus(
      await owner.http.patch<{ party: TParty }>(`/api/v1/parties/${hospitalParty.id}`, {
        version: hospitalParty.version,
        contractReference: '保守契約 第2025-07号',
        normalContacts: [{ name: '情報システム課', phone: '03-1234-5678', email: 'is@himawari.example', hours: '平日 8:30-17:15' }],
      }),
      200,
      'update hospital party',
    );
    await nf.addAssets(owner, eid, [
      { name: '電子カルテサーバ', category: 'server', ownerPartyId: hospitalParty.id, vendor: 'ACME', model: 'EHR-9', assetVersion: '9.1' },
      { name: '院内LANスイッチ', category: 'network_device', ownerPartyId: vendorPartyId, supportEndsOn: '2032-03-31' },
    ]);
    const reference = [{ document: 'mhlw-gl6-ops', section: '§3' }];
    await nf.addDuties(owner, eid, {
      custom: { code: 'SO-GOV-1', title: { ja: '運用責任者の選任', en: 'Appoint the operations lead' }, description: { ja: '病院の運用責任者を選任する。', en: 'The hospital appoints its operations lead.' }, phase: 'normal', category: 'governance', appliesTo: [], concerns: [], kakuninhyoPart: 1, order: 1, references: reference },
    });
    await nf.addDuties(owner, eid, {
      custom: { code: 'SO-VUL-1', title: { ja: 'ファームウェア・OSの更新', en: 'Firmware and OS updates' }, description: { ja: '脆弱性情報を確認し更新を適用する。', en: 'Check advisories and apply updates.' }, phase: 'normal', category: 'vulnerability', appliesTo: ['server', 'network_device'], concerns: ['patch_management'], kakuninhyoPart: 2, order: 10, references: [{ document: 'mhlw-gl6-ops', section: '§8.2' }] },
    });

    const m = await nf.matrix(owner, eid);
    const server = m.assets.find((a) => a.category === 'server')!;
    const sw = m.assets.find((a) => a.category === 'network_device')!;
    const gov = nf.pick(m, { dutyCode: 'SO-GOV-1' });
    const serverCell = nf.pick(m, { dutyCode: 'SO-VUL-1', assetId: server.id });
    const switchCell = nf.pick(m, { dutyCode: 'SO-VUL-1', assetId: sw.id });
    const agreedGov = (await nf.propose(owner, gov, { assignment: { [hospitalParty.id]: ['R', 'A'] } })).cell;
    await review(owner, agreedGov, { firstCheckAnswer: 'yes', firstCheckOn: '2025-04-01', completedOn: '2025-04-15', notes: 'キックオフで確認済み' });
    const p1 = await nf.propose(owner, serverCell, { assignment: { [hospitalParty.id]: ['A'], [vendorPartyId]: ['R'] }, terms: { frequency: '月次', responseTime: '重大な脆弱性は7日以内' } });
    await nf.accept(vendor, p1.proposal.id);
    const p2 = await nf.propose(vendor, switchCell, { assignment: { [vendorPartyId]: ['R', 'A'], [hospitalParty.id]: ['I'] }, terms: { evidence: '作業報告書' } });
    await nf.accept(owner, p2.proposal.id);

    await nf.grantSignatory(owner, hospitalParty.id, owner.session.user.id);
    await nf.grantSignatory(vendor, vendorPartyId, vendor.session.user.id);
    const devices = opts.enrollTotp === false ? null : { owner: await enrollTotp(owner), vendor: await enrollTotp(vendor) };
    return {
      eid,
      owner,
      vendor,
      observer,
      hospitalMember,
      outsider,
      hospitalPartyId: hospitalParty.id,
      vendorPartyId,
      observerPartyId,
      cells: { gov: gov.id, server: serverCell.id, switch: switchCell.id },
      devices,
    };
  };

  const freeze = async (owner: Member, engagementId: string): Promise<TRevisionView> =>
    expectStatus(await owner.http.post<{ revision: TRevisionView }>(`/api/v1/engagements/${engagementId}/revisions`), 201, 'freeze').revision;

  const sign = async (member: Member, revisionId: string, partyId: string, device: TotpDevice | null): Promise<TSignResponseBody> => {
    // A second passes between two signatures (a manual clock would give them the same signing time and no order).
    clock.advance?.(1_000);
    return expectStatus(
      await member.http.post<TSignResponseBody>(`/api/v1/revisions/${revisionId}/signatures`, { partyId, password: member.password, ...(device ? { totp: device.next() } : {}) }),
      201,
      'sign',
    );
  };

  /** A change after freezing that keeps the matrix freezable: a kickoff note on a cell. */
  const touchCell = async (member: Member, cellId: string, notes: string) => {
    const cell = expectStatus(await member.http.get<{ cell: TCellWithProposal }>(`/api/v1/cells/${cellId}`), 200, 'read cell').cell;
    return review(member, cell, { notes });
  };

  return { ...nf, enrollTotp, review, signoffWorld, freeze, sign, touchCell };
};
export type SignoffFactories = ReturnType<typeof createSignoffFactories>;
export type SignoffWorld = Awaited<ReturnType<SignoffFactories['signoffWorld']>>;
