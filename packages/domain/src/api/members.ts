import { z } from 'zod';
import { ORG_ROLES } from '../model/organization.ts';
import { LIMITS, ZDateTime, ZEmail, ZId, ZName } from '../model/primitives.ts';
import { INVITATION_STATUSES, ZInvitationToken } from './invitations.ts';
import { ZPassword, ZRecoveryCode, ZSession, ZTotpEnrollResponse } from './auth.ts';

/**
 * メンバー招待: an organization admin invites a person by e-mail; the person chooses their own name
 * and password from the one-time link (the admin never knows it). The link carries the token in its
 * fragment (`/join#token=…`), which browsers do not send, so it never reaches an access log.
 */
export const ZCreateMemberInvitationRequest = z.object({ email: ZEmail, orgRole: z.enum(ORG_ROLES).default('member') }).strict();
export type TCreateMemberInvitationRequest = z.infer<typeof ZCreateMemberInvitationRequest>;

export const ZMemberInvitation = z.object({
  id: ZId,
  email: ZEmail,
  orgRole: z.enum(ORG_ROLES),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: ZDateTime,
  sentAt: ZDateTime,
  acceptedAt: ZDateTime.nullable(),
  revokedAt: ZDateTime.nullable(),
  createdByUserId: ZId,
  createdAt: ZDateTime,
});
export type TMemberInvitation = z.infer<typeof ZMemberInvitation>;

/** What the join page shows before the person sets a password. */
export const ZMemberInvitationPreview = z.object({
  organizationName: ZName,
  email: ZEmail,
  orgRole: z.enum(ORG_ROLES),
  expiresAt: ZDateTime,
  status: z.enum(INVITATION_STATUSES),
});
export type TMemberInvitationPreview = z.infer<typeof ZMemberInvitationPreview>;

export const ZAcceptMemberInvitationRequest = z.object({ token: ZInvitationToken, displayName: ZName, password: ZPassword }).strict();
export type TAcceptMemberInvitationRequest = z.infer<typeof ZAcceptMemberInvitationRequest>;

/** TOTP reset (decision 0014): password and one recovery code sign in and start a new authenticator. */
export const ZTotpResetRequest = z.object({ email: ZEmail, password: z.string().min(1).max(LIMITS.password), recoveryCode: ZRecoveryCode }).strict();
export type TTotpResetRequest = z.infer<typeof ZTotpResetRequest>;
export const ZTotpResetResponse = ZSession.extend({ enrollment: ZTotpEnrollResponse });
export type TTotpResetResponse = z.infer<typeof ZTotpResetResponse>;

/** アカウント監査ログ: security events of an organization's accounts (outside any engagement). */
export const ACCOUNT_EVENT_TYPES = [
  'member.invited',
  'member.invitation_resent',
  'member.invitation_revoked',
  'member.joined',
  'recovery_code.used',
  'recovery_codes.regenerated',
  'totp.reset_started',
  'totp.replaced',
] as const;
export type TAccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];
export const RECOVERY_CODE_PURPOSES = ['sign_in', 'signing', 'totp_reset'] as const;

export const ZAccountEvent = z.object({
  id: ZId,
  type: z.enum(ACCOUNT_EVENT_TYPES),
  actorUserId: ZId.nullable(),
  subjectUserId: ZId.nullable(),
  payload: z.record(z.string().max(100), z.unknown()),
  at: ZDateTime,
});
export type TAccountEvent = z.infer<typeof ZAccountEvent>;
export const ZAccountEventsResponse = z.object({ events: z.array(ZAccountEvent).max(500) });

