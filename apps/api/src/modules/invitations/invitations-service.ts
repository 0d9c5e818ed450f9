import {
  type TCreateInvitationRequest,
  type TCreateInvitationResponse,
  type TInvitationPreview,
  conflict,
  forbidden,
  invitationStatus,
  isDomainError,
  mayAcceptInvitation,
  notFound,
} from '@bunkai/domain';
import { getTemplate } from '@bunkai/catalog';
import {
  type Db,
  type InvitationRow,
  engagementsRepository,
  invitationsRepository,
  iso,
  isUniqueViolation,
  organizationsRepository,
  partiesRepository,
  toInvitation,
  toParty,
} from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import { recordEvent } from '../events/index.ts';
import { hashToken, newOpaqueToken } from '../auth/index.ts';
import type { MailService } from '../mail/index.ts';
import type { Actor } from '../../plugins/auth.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  config: Pick<Config, 'publicUrl' | 'invitationTtlDays'>;
  clock: Clock;
  mail: Pick<MailService, 'enqueueMail'>;
};

const DAY_MS = 86_400_000;

/** Why an invitation can no longer be used, in the order the checks are made. */
const assertUsable = (r: InvitationRow, now: Date) => {
  const status = invitationStatus(r, now);
  if (status === 'revoked') throw conflict('invitation_revoked', 'This invitation was revoked by the engagement owner; ask for a new one.');
  if (status === 'accepted') throw conflict('invitation_used', 'This invitation has already been accepted; each link works once.');
  if (status === 'expired') throw conflict('invitation_expired', `This invitation expired at ${iso(r.expiresAt)}; ask the engagement owner for a new one.`);
};

/**
 * 招待: single-use, expiring links that make an organization a party. Only
 * the SHA-256 of the token is stored; the link is e-mailed to the invitee (queued
 * in the creating transaction, so no mail for a rolled-back invitation) and shown
 * once to the inviter, and never enters the event log. Expiry is decided on the
 * injected clock.
 */
export const createInvitationsService = ({ db, access, config, clock, mail }: Deps) => {
  const invitationsRepo = invitationsRepository(db);
  const partiesRepo = partiesRepository(db);
  const engagementsRepo = engagementsRepository(db);
  const organizationsRepo = organizationsRepository(db);

  const loadInvitation = async (actor: Actor, invitationId: string, tx: Db) => {
    const row = await invitationsRepo.lockById(invitationId, tx);
    if (!row) throw notFound('Invitation', invitationId);
    try {
      return { row, a: await access.require(actor, row.engagementId, 'invitation:create', tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Invitation', invitationId);
      throw e;
    }
  };

  /** A template's placeholder name (「電子カルテベンダー」) gives way to the company that joined; a name the owner chose stays. */
  const joinedDisplayName = async (engagementId: string, placeholder: string, organizationId: string, tx: Db) => {
    const templateCode = await engagementsRepo.templateCode(engagementId, tx);
    const isPlaceholder = Boolean(templateCode && getTemplate(templateCode)?.parties.some((p) => p.displayName.ja === placeholder));
    if (!isPlaceholder) return placeholder;
    return (await organizationsRepo.findById(organizationId, tx))?.name ?? placeholder;
  };

  return {
    /** For an existing placeholder party, or a new placeholder party created in the same transaction. */
    create: async (actor: Actor, engagementId: string, body: TCreateInvitationRequest): Promise<TCreateInvitationResponse> =>
      db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'invitation:create', tx);
        let partyId: string;
        if ('partyId' in body) {
          const party = await partiesRepo.findInEngagement(engagementId, body.partyId, tx);
          if (!party) throw notFound('Party', body.partyId);
          if (party.organizationId) throw conflict('party_taken', `Party ${party.id} already belongs to an organization.`, { party: toParty(party) });
          partyId = party.id;
        } else {
          const position = await partiesRepo.nextPosition(engagementId, tx);
          partyId = (await partiesRepo.insert({ engagementId, role: body.role, displayName: body.displayName, position }, tx)).id;
          await recordEvent(tx, a, { type: 'party.created', subjectId: partyId, payload: { role: body.role, displayName: body.displayName } });
        }
        const token = newOpaqueToken();
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + config.invitationTtlDays * DAY_MS).toISOString();
        const acceptBy = body.acceptBy ?? 'invitee';
        const row = await invitationsRepo.insert(
          { engagementId, partyId, email: body.email, acceptBy, tokenHash: hashToken(token), expiresAt, createdByUserId: actor.userId },
          tx,
        );
        await recordEvent(tx, a, { type: 'invitation.created', subjectId: row.id, payload: { partyId, email: body.email, acceptBy, expiresAt } });
        // The token rides in the fragment, which browsers never send: no access log or proxy sees it (decision 0016).
        const acceptUrl = `${config.publicUrl.replace(/\/+$/, '')}/invitations#token=${token}`;
        const inviter = await organizationsRepo.findUserWithOrganization(actor.userId, tx);
        const party = await partiesRepo.findById(partyId, {}, tx);
        await mail.enqueueMail(
          {
            to: row.email,
            template: 'invitation',
            data: {
              engagementTitle: a.engagement.title,
              partyName: party?.displayName ?? '',
              inviterName: inviter?.displayName ?? '',
              inviterOrganization: inviter?.organizationName ?? '',
              acceptUrl,
              expiresAt,
            },
          },
          tx,
        );
        return { invitation: { ...toInvitation(row, now), acceptUrl }, token };
      }),

    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'invitation:create');
      const rows = await invitationsRepo.listByEngagement(engagementId);
      const now = clock.now();
      return { invitations: rows.map((r) => toInvitation(r, now)) };
    },

    /** Revokes a pending (or expired) invitation; revoking twice is a no-op. */
    revoke: async (actor: Actor, invitationId: string) =>
      db.transaction(async (tx) => {
        const { row, a } = await loadInvitation(actor, invitationId, tx);
        const now = clock.now();
        if (row.acceptedAt) throw conflict('invitation_used', `Invitation ${invitationId} has already been accepted; remove the party's organization instead.`);
        if (row.revokedAt) return { invitation: toInvitation(row, now) };
        const updated = await invitationsRepo.markRevoked(invitationId, now, tx);
        await recordEvent(tx, a, { type: 'invitation.revoked', subjectId: invitationId, payload: { partyId: row.partyId, email: row.email } });
        return { invitation: toInvitation(updated, now) };
      }),

    /** What the public invitation page shows; the token is the only credential. */
    preview: async (token: string): Promise<TInvitationPreview> => {
      const row = await invitationsRepo.findPreviewByTokenHash(hashToken(token));
      if (!row) throw notFound('Invitation');
      return {
        engagementTitle: row.engagementTitle,
        hospitalName: row.hospitalName,
        partyRole: toParty(row.party).role,
        partyDisplayName: row.party.displayName,
        email: row.invitation.email,
        acceptBy: row.invitation.acceptBy,
        expiresAt: iso(row.invitation.expiresAt),
        status: invitationStatus(row.invitation, clock.now()),
      };
    },

    /**
     * The caller's organization becomes the party (an admin accepts for its
     * organization). The link alone is not enough: the caller's e-mail must be the
     * invited one, or share its domain when the inviter chose `organization`.
     */
    accept: async (actor: Actor, token: string) => {
      try {
        return await db.transaction(async (tx) => {
          const row = await invitationsRepo.lockByTokenHash(hashToken(token), tx);
          if (!row) throw notFound('Invitation');
          const now = clock.now();
          assertUsable(row, now);
          if (actor.orgRole !== 'admin') throw forbidden('org_admin_only', 'Only an administrator can accept an invitation for their organization.');
          const me = await organizationsRepo.findUserWithOrganization(actor.userId, tx);
          if (!me || !mayAcceptInvitation(row.acceptBy, row.email, me.email)) {
            throw forbidden(
              'invitation_email_mismatch',
              row.acceptBy === 'invitee'
                ? 'This invitation was sent to another e-mail address; sign in with the invited address.'
                : "This invitation is for another organization's e-mail domain; sign in with an address of the invited organization.",
            );
          }
          const party = await partiesRepo.findById(row.partyId, { lock: true }, tx);
          if (!party) throw notFound('Invitation');
          if (party.organizationId) throw conflict('party_taken', 'The party this invitation is for already belongs to an organization.');
          const existing = await partiesRepo.findByOrganization(row.engagementId, actor.organizationId, tx);
          if (existing) throw conflict('already_party', 'Your organization is already a party to this engagement.', { partyId: existing.id });
          const displayName = await joinedDisplayName(row.engagementId, party.displayName, actor.organizationId, tx);
          const joined = await partiesRepo.claim(party.id, actor.organizationId, displayName, tx);
          if (!joined) throw conflict('party_taken', 'The party this invitation is for already belongs to an organization.');
          // The first vendor joining turns a draft into a negotiation.
          await engagementsRepo.startNegotiating(row.engagementId, tx);
          await invitationsRepo.markAccepted(row.id, actor.organizationId, now, tx);
          await recordEvent(tx, { actor, party: joined, engagement: { id: row.engagementId } }, {
            type: 'invitation.accepted',
            subjectId: row.id,
            payload: { partyId: party.id, role: party.role, organizationId: actor.organizationId, acceptedByUserId: actor.userId, displayName: joined.displayName },
          });
          return { engagementId: row.engagementId, partyId: party.id };
        });
      } catch (e) {
        // Two invitations of one engagement accepted at once by the same organization.
        if (isUniqueViolation(e)) throw conflict('already_party', 'Your organization is already a party to this engagement.');
        throw e;
      }
    },
  };
};
export type InvitationsService = ReturnType<typeof createInvitationsService>;
