import { iso, isoOrNull } from '@bunkai/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  type TCreateInvitationRequest,
  type TCreateInvitationResponse,
  type TInvitation,
  type TInvitationPreview,
  type TInvitationStatus,
  type TPartyRole,
  conflict,
  forbidden,
  isDomainError,
  notFound,
} from '@bunkai/domain';
import { getTemplate } from '@bunkai/catalog';
import { type Db, engagements, invitations, organizations, parties } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Config } from '../../config.ts';
import { recordEvent } from '../events/index.ts';
import { toParty } from '@bunkai/db';
import { hashToken, newOpaqueToken } from '../auth/index.ts';
import type { Actor } from '../../plugins/auth.ts';
import { isUniqueViolation } from '@bunkai/db';
import { nextPartyPosition } from '../parties/parties-service.ts';

type Deps = { db: Db; access: EngagementAccessService; config: Pick<Config, 'publicUrl' | 'invitationTtlDays'>; now?: () => Date };
type InvitationRow = typeof invitations.$inferSelect;


export const invitationStatus = (r: InvitationRow, now: Date): TInvitationStatus =>
  r.revokedAt ? 'revoked' : r.acceptedAt ? 'accepted' : new Date(r.expiresAt) <= now ? 'expired' : 'pending';

const toInvitation = (r: InvitationRow, now: Date): TInvitation => ({
  id: r.id,
  engagementId: r.engagementId,
  partyId: r.partyId,
  email: r.email,
  status: invitationStatus(r, now),
  expiresAt: iso(r.expiresAt),
  acceptedAt: isoOrNull(r.acceptedAt),
  acceptedByOrganizationId: r.acceptedByOrganizationId,
  revokedAt: isoOrNull(r.revokedAt),
  createdByUserId: r.createdByUserId,
  createdAt: iso(r.createdAt),
});

/** Why an invitation can no longer be used, in the order the checks are made. */
const assertUsable = (r: InvitationRow, now: Date) => {
  const status = invitationStatus(r, now);
  if (status === 'revoked') throw conflict('invitation_revoked', 'This invitation was revoked by the engagement owner; ask for a new one.');
  if (status === 'accepted') throw conflict('invitation_used', 'This invitation has already been accepted; each link works once.');
  if (status === 'expired') throw conflict('invitation_expired', `This invitation expired at ${iso(r.expiresAt)}; ask the engagement owner for a new one.`);
};

/**
 * 招待: single-use, expiring links that make an organization a party. Only
 * the SHA-256 of the token is stored; the token is shown once, to the inviter
 * (no e-mail is sent), and never enters the event log.
 */
export const createInvitationsService = ({ db, access, config, now = () => new Date() }: Deps) => {
  const loadInvitation = async (actor: Actor, invitationId: string, tx: Db) => {
    const [row] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
    if (!row) throw notFound('Invitation', invitationId);
    try {
      return { row, a: await access.require(actor, row.engagementId, 'invitation:create', tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Invitation', invitationId);
      throw e;
    }
  };

  const byToken = (tx: Db, token: string) => tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));

  return {
    /** For an existing placeholder party, or a new placeholder party created in the same transaction. */
    create: async (actor: Actor, engagementId: string, body: TCreateInvitationRequest): Promise<TCreateInvitationResponse> =>
      db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'invitation:create', tx);
        let partyId: string;
        if ('partyId' in body) {
          const [party] = await tx
            .select()
            .from(parties)
            .where(and(eq(parties.id, body.partyId), eq(parties.engagementId, engagementId)));
          if (!party) throw notFound('Party', body.partyId);
          if (party.organizationId) throw conflict('party_taken', `Party ${party.id} already belongs to an organization.`, { party: toParty(party) });
          partyId = party.id;
        } else {
          const [party] = await tx
            .insert(parties)
            .values({ engagementId, role: body.role, displayName: body.displayName, position: await nextPartyPosition(tx, engagementId) })
            .returning();
          partyId = party!.id;
          await recordEvent(tx, a, { type: 'party.created', subjectId: partyId, payload: { role: body.role, displayName: body.displayName } });
        }
        const token = newOpaqueToken();
        const expiresAt = new Date(now().getTime() + config.invitationTtlDays * 86_400_000).toISOString();
        const [row] = await tx
          .insert(invitations)
          .values({ engagementId, partyId, email: body.email, tokenHash: hashToken(token), expiresAt, createdByUserId: actor.userId })
          .returning();
        await recordEvent(tx, a, { type: 'invitation.created', subjectId: row!.id, payload: { partyId, email: body.email, expiresAt } });
        const acceptUrl = `${config.publicUrl.replace(/\/+$/, '')}/invitations/${token}`;
        return { invitation: { ...toInvitation(row!, now()), acceptUrl }, token };
      }),

    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'invitation:create');
      const rows = await db.select().from(invitations).where(eq(invitations.engagementId, engagementId)).orderBy(desc(invitations.createdAt));
      const at = now();
      return { invitations: rows.map((r) => toInvitation(r, at)) };
    },

    /** Revokes a pending (or expired) invitation; revoking twice is a no-op. */
    revoke: async (actor: Actor, invitationId: string) =>
      db.transaction(async (tx) => {
        const { row, a } = await loadInvitation(actor, invitationId, tx);
        if (row.acceptedAt) throw conflict('invitation_used', `Invitation ${invitationId} has already been accepted; remove the party's organization instead.`);
        if (row.revokedAt) return { invitation: toInvitation(row, now()) };
        const [updated] = await tx.update(invitations).set({ revokedAt: now().toISOString() }).where(eq(invitations.id, invitationId)).returning();
        await recordEvent(tx, a, { type: 'invitation.revoked', subjectId: invitationId, payload: { partyId: row.partyId, email: row.email } });
        return { invitation: toInvitation(updated!, now()) };
      }),

    /** What the public invitation page shows; the token is the only credential. */
    preview: async (token: string): Promise<TInvitationPreview> => {
      const [row] = await db
        .select({ inv: invitations, engagementTitle: engagements.title, hospitalName: organizations.name, party: parties })
        .from(invitations)
        .innerJoin(engagements, eq(engagements.id, invitations.engagementId))
        .innerJoin(organizations, eq(organizations.id, engagements.ownerOrganizationId))
        .innerJoin(parties, eq(parties.id, invitations.partyId))
        .where(eq(invitations.tokenHash, hashToken(token)));
      if (!row) throw notFound('Invitation');
      return {
        engagementTitle: row.engagementTitle,
        hospitalName: row.hospitalName,
        partyRole: row.party.role as TPartyRole,
        partyDisplayName: row.party.displayName,
        email: row.inv.email,
        expiresAt: iso(row.inv.expiresAt),
        status: invitationStatus(row.inv, now()),
      };
    },

    /**
     * The caller's organization becomes the party (an admin accepts for its
     * organization). The link is the secret: the invited e-mail is not matched.
     */
    accept: async (actor: Actor, token: string) => {
      try {
        return await db.transaction(async (tx) => {
          // The row lock makes two simultaneous accepts of one link take turns: the second sees it used.
          const [row] = await byToken(tx, token).for('update');
          if (!row) throw notFound('Invitation');
          assertUsable(row, now());
          if (actor.orgRole !== 'admin') throw forbidden('org_admin_only', 'Only an administrator can accept an invitation for their organization.');
          const [party] = await tx.select().from(parties).where(eq(parties.id, row.partyId)).for('update');
          if (!party) throw notFound('Invitation');
          if (party.organizationId) throw conflict('party_taken', 'The party this invitation is for already belongs to an organization.');
          const [existing] = await tx
            .select({ id: parties.id })
            .from(parties)
            .where(and(eq(parties.engagementId, row.engagementId), eq(parties.organizationId, actor.organizationId)));
          if (existing) throw conflict('already_party', 'Your organization is already a party to this engagement.', { partyId: existing.id });
          // A template's placeholder name (「電子カルテベンダー」) gives way to the company that joined;
          // a name the owner chose when inviting stays.
          const [engagement] = await tx.select({ templateCode: engagements.templateCode }).from(engagements).where(eq(engagements.id, row.engagementId));
          const isPlaceholder = Boolean(engagement?.templateCode && getTemplate(engagement.templateCode)?.parties.some((p) => p.displayName.ja === party.displayName));
          const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.organizationId));
          const displayName = isPlaceholder && org ? org.name : party.displayName;
          const [joined] = await tx
            .update(parties)
            .set({ organizationId: actor.organizationId, displayName, version: sql`${parties.version} + 1` })
            .where(and(eq(parties.id, party.id), isNull(parties.organizationId)))
            .returning();
          // The first vendor joining turns a draft into a negotiation.
          await tx
            .update(engagements)
            .set({ status: 'negotiating', version: sql`${engagements.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(engagements.id, row.engagementId), eq(engagements.status, 'drafting')));
          await tx
            .update(invitations)
            .set({ acceptedAt: now().toISOString(), acceptedByOrganizationId: actor.organizationId })
            .where(eq(invitations.id, row.id));
          await recordEvent(tx, { actor, party: joined!, engagement: { id: row.engagementId } }, {
            type: 'invitation.accepted',
            subjectId: row.id,
            payload: { partyId: party.id, role: party.role, organizationId: actor.organizationId, acceptedByUserId: actor.userId, displayName: joined!.displayName },
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
