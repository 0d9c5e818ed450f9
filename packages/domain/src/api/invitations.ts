import { z } from 'zod';
import { PARTY_ROLES } from '../model/enums.ts';
import { ZDateTime, ZEmail, ZId, ZName } from '../model/primitives.ts';
import { ZPlaceholderPartyRole } from './structure.ts';

/**
 * 招待: the engagement owner invites an organization to a party role. The
 * invitation yields a single-use, expiring secret link, e-mailed to the
 * invitee and shown once to the inviter; only the token's hash is stored.
 */

/**
 * Who may accept: `invitee` — an organization admin signed in with exactly the
 * invited e-mail (the default); `organization` — any admin of the invitee's
 * organization, recognized by the invited e-mail's domain (decision 0011).
 */
export const INVITATION_ACCEPT_BY = ['invitee', 'organization'] as const;
export type TInvitationAcceptBy = (typeof INVITATION_ACCEPT_BY)[number];

/** True when `userEmail` may accept an invitation sent to `invitedEmail` under `acceptBy`. */
export const mayAcceptInvitation = (acceptBy: TInvitationAcceptBy, invitedEmail: string, userEmail: string) => {
  const invited = invitedEmail.trim().toLowerCase();
  const user = userEmail.trim().toLowerCase();
  if (acceptBy === 'invitee') return invited === user;
  const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1);
  return domain(invited) !== '' && domain(invited) === domain(user);
};

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type TInvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Revoked and accepted win over the deadline; an invitation expires at `expiresAt` exactly. */
export const invitationStatus = (
  i: { revokedAt: string | Date | null; acceptedAt: string | Date | null; expiresAt: string | Date },
  now: Date,
): TInvitationStatus => (i.revokedAt ? 'revoked' : i.acceptedAt ? 'accepted' : new Date(i.expiresAt) <= now ? 'expired' : 'pending');

/** For an existing placeholder party, or a new placeholder party created in the same transaction. */
export const ZCreateInvitationRequest = z.union([
  z.object({ email: ZEmail, partyId: ZId, acceptBy: z.enum(INVITATION_ACCEPT_BY).optional() }).strict(),
  z.object({ email: ZEmail, role: ZPlaceholderPartyRole, displayName: ZName, acceptBy: z.enum(INVITATION_ACCEPT_BY).optional() }).strict(),
]);
export type TCreateInvitationRequest = z.infer<typeof ZCreateInvitationRequest>;

export const ZInvitation = z.object({
  id: ZId,
  engagementId: ZId,
  partyId: ZId,
  email: ZEmail,
  acceptBy: z.enum(INVITATION_ACCEPT_BY),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: ZDateTime,
  acceptedAt: ZDateTime.nullable(),
  acceptedByOrganizationId: ZId.nullable(),
  revokedAt: ZDateTime.nullable(),
  createdByUserId: ZId,
  createdAt: ZDateTime,
});
export type TInvitation = z.infer<typeof ZInvitation>;

/** Invitation tokens are 43-character base64url strings; anything far off is refused early. */
export const ZInvitationToken = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, 'an invitation token');

/** Preview and accept carry the token in the body, never in an API path (paths end up in access logs). */
export const ZInvitationTokenBody = z.object({ token: ZInvitationToken }).strict();

/** The creation answer: the only time the token (and the link carrying it) is ever shown. */
export const ZCreateInvitationResponse = z.object({
  invitation: ZInvitation.extend({ acceptUrl: z.string().max(2000) }),
  token: ZInvitationToken,
});
export type TCreateInvitationResponse = z.infer<typeof ZCreateInvitationResponse>;

/** What the public invitation page shows before the visitor signs in or registers. */
export const ZInvitationPreview = z.object({
  engagementTitle: ZName,
  hospitalName: ZName,
  partyRole: z.enum(PARTY_ROLES),
  partyDisplayName: ZName,
  email: ZEmail,
  acceptBy: z.enum(INVITATION_ACCEPT_BY),
  expiresAt: ZDateTime,
  status: z.enum(INVITATION_STATUSES),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZAcceptInvitationResponse = z.object({ engagementId: ZId, partyId: ZId });
export type TAcceptInvitationResponse = z.infer<typeof ZAcceptInvitationResponse>;
