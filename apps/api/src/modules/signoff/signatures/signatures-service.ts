import {
  type DomainError,
  type TRevisionView,
  type TSignRequest,
  type TSignatureAuthentication,
  type TSignatureView,
  SEAL_VERSION,
  conflict,
  forbidden,
  hasEngagementPermission,
  isSigningParty,
  notFound,
  sealInput,
  signingStatement,
} from '@bunkai/domain';
import { type Db, revisionsRepository, sha256Hex, signaturesRepository, toRevisionView, toSignatureView } from '@bunkai/db';
import { type EngagementAccessService, assertPermission } from '../../../access/engagement-access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import type { ReauthFactor, Reauthentication } from '../../auth/index.ts';
import { type EventSpec, recordEvents } from '../../events/index.ts';
import { loadLiveState, persistSignoffState, signoffState } from '../revisions/revision-state.ts';
import type { RevisionsService } from '../revisions/revisions-service.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  revisions: Pick<RevisionsService, 'loadRevision'>;
  reauthentication: Reauthentication;
  clock: Clock;
};

export type SignMeta = { ip: string; userAgent: string };
type SignResult = { signature: TSignatureView; revision: TRevisionView };

const MAX_IP = 64;
const MAX_USER_AGENT = 500;

export const createSignaturesService = ({ db, access: engagementAccess, revisions: revisionsService, reauthentication, clock }: Deps) => {
  const repo = revisionsRepository(db);
  const sigRepo = signaturesRepository(db);

  /**
   * Who may sign for `partyId`: a signatory (署名権限, `revision:sign` in the
   * permission table) of exactly that party. Non-parties get 404 (through the
   * revision), everyone else 403 with the reason.
   */
  const signerContext = async (actor: Actor, revisionId: string, partyId: string) => {
    const { row, access } = await revisionsService.loadRevision(actor, revisionId, 'engagement:read');
    const party = await repo.partyInEngagement(row.engagementId, partyId);
    if (!party) throw notFound('Party', partyId);
    if (!isSigningParty(party)) throw forbidden('observer_cannot_sign', `Party ${partyId} is an observer; observers read and do not sign.`);
    if (access.party?.id !== party.id) throw forbidden('not_your_party', `You can sign only for your own party, not for party ${partyId}.`);
    if (!hasEngagementPermission(access.roles, 'revision:sign'))
      throw forbidden('not_a_signatory', `You do not hold the signatory right (署名権限) for party ${partyId}; an admin of your organization can grant it.`);
    const user = await sigRepo.signer(actor.userId);
    if (!user) throw notFound('User', actor.userId);
    const orgNames = await repo.organizationNames([party.organizationId]);
    const statement = signingStatement({
      signerName: user.displayName,
      organizationName: orgNames.get(party.organizationId ?? '') ?? '',
      partyDisplayName: party.displayName,
      engagementTitle: access.engagement.title,
      revisionNumber: row.number,
      revisionSha256: row.sha256 ?? '',
    });
    const requiresTotp = access.engagement.requireTwoFactorToSign || user.totpEnabled;
    return { row, access, party, user, statement, requiresTotp };
  };

  /** Password and TOTP, outside any transaction (scrypt is slow); attempts count towards the signing throttle. */
  const checkCredentials = async (ctx: Awaited<ReturnType<typeof signerContext>>, input: TSignRequest): Promise<ReauthFactor | null> => {
    const { user, access } = ctx;
    if (access.engagement.requireTwoFactorToSign && !user.totpEnabled)
      throw forbidden('totp_enrollment_required', 'This engagement requires two-factor authentication to sign: enroll TOTP first (POST /api/v1/auth/totp/enroll).');
    return reauthentication.check(user, input);
  };

  return {
    /** The exact statement the signer will sign (shown before signing; a read, so archived engagements show it too). */
    statement: async (actor: Actor, revisionId: string, partyId: string) => {
      const ctx = await signerContext(actor, revisionId, partyId);
      return {
        statement: ctx.statement,
        revision: { id: ctx.row.id, number: ctx.row.number, sha256: ctx.row.sha256 ?? '' },
        party: { id: ctx.party.id, displayName: ctx.party.displayName },
        requiresTotp: ctx.requiresTotp,
        sealVersion: SEAL_VERSION,
      };
    },

    /** 署名: one party's signatory signs one frozen revision, re-authenticated. */
    sign: async (actor: Actor, revisionId: string, input: TSignRequest, meta: SignMeta) => {
      const ctx = await signerContext(actor, revisionId, input.partyId);
      // The permission table and the archived rule (409 engagement_archived) before any credential is checked.
      assertPermission(ctx.access, 'revision:sign');
      const step = await checkCredentials(ctx, input);
      const { party, user, statement } = ctx;
      const engagementId = ctx.row.engagementId;
      // Refusals found inside still commit what content-based detection persisted (superseded, amending).
      const outcome = await db.transaction(async (tx): Promise<{ error: DomainError } | { result: SignResult }> => {
        await repo.lockEngagementWrites(engagementId, tx);
        // Again under the lock: an engagement archived (or a right revoked) since the check above refuses here.
        const access = await engagementAccess.require(actor, engagementId, 'revision:sign', tx);
        const revision = (await repo.lockById(revisionId, tx))!;
        const live = await loadLiveState(repo, tx, engagementId);
        const rows = await repo.ofEngagement(engagementId, tx);
        const state = signoffState(rows, live.sha256);
        await persistSignoffState(repo, tx, access, state);
        const status = state.statusOf(rows.find((r) => r.id === revision.id) ?? revision);
        if (status === 'executed') return { error: conflict('revision_executed', `Revision ${revision.number} is already executed; every party has signed it.`) };
        if (status !== 'frozen')
          return {
            error: conflict('revision_superseded', `Revision ${revision.number} no longer matches the matrix (it changed after freezing); it cannot be signed. Freeze revision ${(state.latest?.number ?? 0) + 1} instead.`, {
              draft: state.draft,
            }),
          };
        const existing = (await sigRepo.of([revision.id], tx)).find((s) => s.partyId === party.id);
        if (existing) return { error: conflict('already_signed', `Party ${party.id} has already signed revision ${revision.number}.`, { signatureId: existing.id }) };
        const refused = step === null ? null : await reauthentication.consume(user, step, tx, 'signing');
        if (refused) return { error: refused };
        const fields = {
          revisionId: revision.id,
          revisionNumber: revision.number,
          revisionSha256: revision.sha256 ?? '',
          partyId: party.id,
          organizationId: party.organizationId ?? user.organizationId,
          signerUserId: user.id,
          signerName: user.displayName,
          signedAt: clock.now().toISOString(),
          statement,
          ip: meta.ip.slice(0, MAX_IP),
          userAgent: meta.userAgent.slice(0, MAX_USER_AGENT),
        };
        // How the signer re-authenticated is recorded beside the seal (printed on the 署名証明書), not inside it: seal version 1 stays as it is.
        const authentication: TSignatureAuthentication = step === null ? 'password' : step.kind === 'totp' ? 'password+totp' : 'password+recovery_code';
        const sig = await sigRepo.insert({ ...fields, sealVersion: SEAL_VERSION, seal: sha256Hex(sealInput(fields)), authentication }, tx);
        const all = await sigRepo.of([revision.id], tx);
        const signed = new Set(all.map((s) => s.partyId));
        const executed = live.snapshot.parties.filter(isSigningParty).every((p) => signed.has(p.id));
        const events: EventSpec[] = [{ type: 'signature.created', subjectId: sig.id, payload: { revisionId: revision.id, number: revision.number, partyId: party.id, seal: sig.seal } }];
        let row = revision;
        if (executed) {
          row = (await repo.markExecuted(revision.id, clock.now().toISOString(), tx)) ?? revision;
          await repo.setEngagementStatus(engagementId, 'executed', tx);
          events.push(
            { type: 'revision.executed', subjectId: revision.id, payload: { number: revision.number, sha256: revision.sha256, signatures: all.length } },
            { type: 'engagement.status_changed', subjectId: engagementId, payload: { from: 'signing', to: 'executed' } },
          );
        }
        await recordEvents(tx, access, events);
        const parties = live.snapshot.parties;
        const names = await repo.organizationNames([...parties.map((p) => p.organizationId), ...all.map((s) => s.organizationId)], tx);
        const partyById = new Map(parties.map((p) => [p.id, p]));
        return {
          result: {
            signature: toSignatureView(sig, revision.number, partyById, names),
            revision: toRevisionView(row, executed ? 'executed' : 'frozen', live.sha256, all, parties, names),
          },
        };
      });
      if ('error' in outcome) throw outcome.error;
      await reauthentication.succeeded(user);
      return outcome.result;
    },
  };
};
export type SignaturesService = ReturnType<typeof createSignaturesService>;
