import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../model/enums.ts';
import { ZOrganization, ZUser } from '../model/organization.ts';
import { LIMITS, ZEmail, ZName } from '../model/primitives.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const ZPassword = z.string().min(PASSWORD_MIN_LENGTH, `Passwords have at least ${PASSWORD_MIN_LENGTH} characters`).max(LIMITS.password);
export const ZTotpCode = z.string().trim().regex(/^\d{6}$/, 'a 6-digit code');
/** A one-time recovery code: 16 base32 characters, shown in groups of four (`abcd-efgh-ijkm-npqr`); case and hyphens ignored. */
export const ZRecoveryCode = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z2-7]{4}(-?[A-Za-z2-7]{4}){3}$/, 'a recovery code such as abcd-efgh-ijkl-mnop');
export const RECOVERY_CODE_COUNT = 10;

export const ZRegisterRequest = z.object({
  organization: z.object({ name: ZName, kind: z.enum(ORGANIZATION_KINDS) }),
  user: z.object({ email: ZEmail, displayName: ZName, password: ZPassword }),
});
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1).max(LIMITS.password),
  totp: ZTotpCode.optional(),
  /** Instead of `totp` when the authenticator is lost; each code works once. */
  recoveryCode: ZRecoveryCode.optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/**
 * A signed-in session as the body shows it. The refresh token is not in it: it travels only in the
 * HttpOnly `bunkai_refresh` cookie (docs/operations.md#sessions), out of reach of page scripts.
 */
export const ZSession = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  user: ZUser,
  organization: ZOrganization,
});
export type TSession = z.infer<typeof ZSession>;

export const ZTotpEnrollResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const ZTotpVerifyRequest = z.object({ code: ZTotpCode });
/** Enabling two-factor hands out the first set of recovery codes; this is the only time they are shown. */
export const ZTotpVerifyResponse = z.object({ user: ZUser, recoveryCodes: z.array(z.string().max(40)).max(RECOVERY_CODE_COUNT) });
/** A new set replaces the old one; re-entering the password proves the person, not just the session. */
export const ZRegenerateRecoveryCodesRequest = z.object({ password: z.string().min(1).max(LIMITS.password) });
export const ZRecoveryCodesResponse = z.object({ codes: z.array(z.string().max(40)).max(RECOVERY_CODE_COUNT) });
export const ZRecoveryCodesStatus = z.object({ remaining: z.number().int().min(0), total: z.number().int().min(0), generatedAt: z.string().max(40).nullable() });
export type TRecoveryCodesStatus = z.infer<typeof ZRecoveryCodesStatus>;

export const ZCreateMemberRequest = z.object({
  email: ZEmail,
  displayName: ZName,
  password: ZPassword,
  orgRole: z.enum(['admin', 'member']).default('member'),
});
export type TCreateMemberRequest = z.infer<typeof ZCreateMemberRequest>;
