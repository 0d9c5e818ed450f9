import { randomUUID } from 'node:crypto';
import {
  type TCreateMemberRequest,
  type TLoginRequest,
  type TRegisterRequest,
  type TSession,
  type TTotpResetRequest,
  type TTotpResetResponse,
  conflict,
  forbidden,
  rateLimited,
  unauthorized,
  validationError,
} from '@bunkai/domain';
import {
  type Db,
  type SignInRow,
  type UserRow,
  accountEventsRepository,
  authRepository,
  isUniqueViolation,
  recoveryCodesRepository,
  throttleRepository,
  toOrganization,
  toUser,
} from '@bunkai/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SecurityNotices } from './security-notice.ts';
import type { Actor } from '../../plugins/auth.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { type Admission, createSignInThrottle } from './sign-in-throttle.ts';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { hashToken, newOpaqueToken } from './tokens.ts';
import { consumeTotpCode } from './totp-once.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

type Deps = {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'scryptCost' | 'refreshTokenTtlDays' | 'accessTokenTtlSeconds' | 'loginMaxAttempts' | 'loginWindowSeconds'>;
  signAccessToken: (actor: Actor, sid: string) => string;
  /** Told after the commit that ended a sign-in, so this instance stops accepting its access tokens at once. */
  sessionEnded?: (sid: string) => void;
  /** Mails the account's owner when a recovery code is used or the authenticator replaced. */
  notify: SecurityNotices;
};

/** A new session: the body for the client and the refresh token for its cookie. */
export type IssuedSession = { session: TSession; refreshToken: string };

export const createAuthService = ({ db, clock, config, signAccessToken, sessionEnded = () => {}, notify }: Deps) => {
  const repo = authRepository(db);
  const throttle = createSignInThrottle({ db, clock, config });
  const recovery = recoveryCodesRepository(db);
  // Password re-entry for new recovery codes keeps its own per-account window (like signing's).
  const reentry = throttleRepository(db);
  const accountLog = accountEventsRepository(db);
  /** アカウント監査ログ: an event about the user's own account, acted by the user. */
  const logOwn = (found: SignInRow, type: Parameters<typeof accountLog.append>[0]['type'], payload: Record<string, unknown>, tx: Db = db) =>
    accountLog.append({ organizationId: found.organization.id, type, actorUserId: found.user.id, subjectUserId: found.user.id, payload, at: clock.now().toISOString() }, tx);

  /** A fresh set of recovery codes for the user, replacing any earlier set; the plain codes are returned once. */
  const replaceRecoveryCodes = async (userId: string, tx: Db = db) => {
    const codes = newRecoveryCodes();
    await recovery.replaceForUser({ userId, hashes: codes.map(hashRecoveryCode) }, tx);
    return codes;
  };

  const issueSession = async ({ user, organization }: SignInRow, familyId: string = randomUUID(), tx: Db = db): Promise<IssuedSession> => {
    const refreshToken = newOpaqueToken();
    const expiresAt = new Date(clock.now().getTime() + config.refreshTokenTtlDays * 86_400_000).toISOString();
    await repo.insertRefreshToken({ userId: user.id, familyId, tokenHash: hashToken(refreshToken), expiresAt }, tx);
    const session: TSession = {
      accessToken: signAccessToken({ userId: user.id, organizationId: organization.id, orgRole: user.orgRole }, familyId),
      expiresIn: config.accessTokenTtlSeconds,
      user: toUser(user),
      organization: toOrganization(organization),
    };
    return { session, refreshToken };
  };

  const createUser = async (organizationId: string, input: { email: string; displayName: string; password: string; orgRole: UserRow['orgRole'] }, tx: Db) => {
    try {
      const passwordHash = await hashPassword(input.password, config.scryptCost);
      return await repo.insertUser({ organizationId, email: input.email, displayName: input.displayName, orgRole: input.orgRole, passwordHash }, tx);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('email_taken', `An account for ${input.email} already exists.`);
      throw e;
    }
  };

  const currentUser = async (actor: Actor) => {
    const found = await repo.findUserById({ id: actor.userId });
    if (!found) throw unauthorized('invalid_token', 'This account no longer exists.');
    return found;
  };

  /**
   * Checks e-mail, password and (when enrolled) a TOTP code; throws the sign-in error otherwise.
   * Under attack a wrong second factor answers as a wrong password does, so the flood cannot tell
   * which of the two it got right.
   */
  const authenticate = async (
    input: TLoginRequest,
    found: SignInRow | undefined,
    admission: Admission,
    now: Date,
    purpose: 'sign_in' | 'totp_reset' = 'sign_in',
  ): Promise<SignInRow | 'totp_required'> => {
    // Hash even when the account does not exist, so response time does not reveal which e-mails are registered.
    const ok = found ? await verifyPassword(input.password, found.user.passwordHash) : (await hashPassword(input.password, config.scryptCost), false);
    if (!found || !ok) throw unauthorized('invalid_credentials', 'E-mail or password is wrong.');
    if (!found.user.totpEnabled) return found;
    if (!input.totp && input.recoveryCode) {
      const spent = await recovery.consume({ userId: found.user.id, codeHash: hashRecoveryCode(input.recoveryCode), at: now.toISOString() });
      if (spent) {
        await logOwn(found, 'recovery_code.used', { purpose });
        // A reset mails its own notice (totp_reset_started).
        if (purpose === 'sign_in') await notify(found.user.email, 'recovery_code_sign_in');
        return found;
      }
      // A wrong recovery code counts like a wrong authenticator code (decision 0008).
      await admission.secondFactorFailed();
      if (admission.underAttack) throw unauthorized('invalid_credentials', 'E-mail or password is wrong.');
      throw unauthorized('invalid_recovery_code', 'The recovery code is wrong or was already used.');
    }
    if (!input.totp) return 'totp_required';
    const user = await consumeTotpCode({ userId: found.user.id, secret: found.user.totpSecret ?? '', code: input.totp, now }, db);
    if (user) return { user, organization: found.organization };
    await admission.secondFactorFailed();
    if (admission.underAttack) throw unauthorized('invalid_credentials', 'E-mail or password is wrong.');
    throw unauthorized('invalid_totp', 'The authenticator code is wrong or was already used.');
  };

  return {
    register: async (input: TRegisterRequest): Promise<IssuedSession> =>
      db.transaction(async (tx) => {
        const organization = await repo.insertOrganization({ name: input.organization.name, kind: input.organization.kind }, tx);
        const user = await createUser(organization.id, { ...input.user, orgRole: 'admin' }, tx);
        return issueSession({ user, organization }, undefined, tx);
      }),

    /**
     * Every attempt is counted before the password is checked (sign-in-throttle.ts, decision 0008),
     * so parallel attempts cannot slip past the limits; an attempt that proves the password is taken back.
     */
    login: async (input: TLoginRequest, ip: string): Promise<IssuedSession> => {
      const now = clock.now();
      const found = await repo.findUserByEmail({ email: input.email });
      const admission = await throttle.admit(input.email, ip, Boolean(found?.user.totpEnabled && (input.totp || input.recoveryCode)));
      const result = await authenticate(input, found, admission, now);
      await admission.succeeded();
      if (result === 'totp_required') throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app.');
      return issueSession(result);
    },

    /**
     * TOTP reset (decision 0014): password and one recovery code sign in — throttled like sign-in — and
     * start a replacement authenticator. The old secret keeps working until the new one is confirmed
     * (POST /api/v1/auth/totp/verify), which also replaces the remaining recovery codes.
     */
    resetTotp: async (input: TTotpResetRequest, ip: string): Promise<{ response: TTotpResetResponse; refreshToken: string }> => {
      const now = clock.now();
      const found = await repo.findUserByEmail({ email: input.email });
      const admission = await throttle.admit(input.email, ip, Boolean(found?.user.totpEnabled));
      const result = await authenticate({ email: input.email, password: input.password, recoveryCode: input.recoveryCode }, found, admission, now, 'totp_reset');
      await admission.succeeded();
      if (result === 'totp_required' || !result.user.totpEnabled)
        throw conflict('totp_not_enabled', 'This account has no two-factor authentication to reset; sign in with your password.');
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await repo.setPendingTotpSecret({ userId: result.user.id, secret }, tx);
        await logOwn(result, 'totp.reset_started', {}, tx);
        await notify(result.user.email, 'totp_reset_started', tx);
      });
      const issued = await issueSession(result);
      return { response: { ...issued.session, enrollment: { secret, otpauthUri: totpUri(secret, result.user.email) } }, refreshToken: issued.refreshToken };
    },

    /** Rotates a refresh token; presenting an already-rotated token revokes its whole family (theft detection). */
    refresh: async (refreshToken: string | undefined): Promise<IssuedSession> => {
      if (!refreshToken) throw unauthorized('invalid_refresh_token', 'No session to renew; sign in.');
      const at = clock.now();
      const result: { session?: IssuedSession; error?: 'invalid' | 'reused'; familyId?: string } = await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate({ tokenHash: hashToken(refreshToken) }, tx);
        if (!row || row.revokedAt) return { error: 'invalid' };
        if (row.rotatedAt) {
          await repo.revokeFamily({ familyId: row.familyId, at: at.toISOString() }, tx);
          return { error: 'reused', familyId: row.familyId };
        }
        if (new Date(row.expiresAt).getTime() < at.getTime()) return { error: 'invalid' };
        await repo.markRotated({ id: row.id, at: at.toISOString() }, tx);
        const found = await repo.findUserById({ id: row.userId }, tx);
        if (!found) return { error: 'invalid' };
        return { session: await issueSession(found, row.familyId, tx) };
      });
      if (result.session) return result.session;
      if (result.familyId) sessionEnded(result.familyId);
      if (result.error === 'reused')
        throw unauthorized('refresh_token_reused', 'This refresh token was already used; every session from that sign-in has been ended.');
      throw unauthorized('invalid_refresh_token', 'The refresh token is invalid, expired or revoked; sign in again.');
    },

    /** Ends the sign-in: its refresh tokens, and (through the `sid` check) its access tokens. */
    logout: async (refreshToken: string | undefined): Promise<void> => {
      if (!refreshToken) return;
      const ended = await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate({ tokenHash: hashToken(refreshToken) }, tx);
        if (row) await repo.revokeFamily({ familyId: row.familyId, at: clock.now().toISOString() }, tx);
        return row?.familyId;
      });
      if (ended) sessionEnded(ended);
    },

    me: async (actor: Actor) => {
      const { user, organization } = await currentUser(actor);
      return { user: toUser(user), organization: toOrganization(organization) };
    },

    enrollTotp: async (actor: Actor) => {
      const { user } = await currentUser(actor);
      if (user.totpEnabled) throw conflict('totp_already_enabled', 'Two-factor authentication is already enabled for this account.');
      const secret = newTotpSecret();
      await repo.setTotpSecret({ userId: actor.userId, secret });
      return { secret, otpauthUri: totpUri(secret, user.email) };
    },

    verifyTotpEnrollment: async (actor: Actor, code: string) => {
      const found = await repo.findUserById({ id: actor.userId });
      const pending = found?.user.totpPendingSecret;
      if (found && pending) {
        // Replacing a lost authenticator: the new secret takes over and the remaining recovery codes are replaced.
        const step = verifyTotp(pending, code, clock.now().getTime());
        if (step === null) throw validationError('invalid_totp', 'The code does not match; check the time on your device and try again.');
        return db.transaction(async (tx) => {
          const user = await repo.confirmPendingTotp({ userId: actor.userId, secret: pending, step }, tx);
          if (!user) throw validationError('invalid_totp', 'The code does not match; check the time on your device and try again.');
          await logOwn(found, 'totp.replaced', {}, tx);
          await notify(found.user.email, 'totp_replaced', tx);
          return { user: toUser(user), recoveryCodes: await replaceRecoveryCodes(actor.userId, tx) };
        });
      }
      if (!found?.user.totpSecret) throw validationError('totp_not_enrolled', 'Start enrollment first (POST /api/v1/auth/totp/enroll).');
      const step = verifyTotp(found.user.totpSecret, code, clock.now().getTime());
      const user = step === null ? undefined : await repo.consumeTotpStep({ userId: actor.userId, step, enable: true });
      if (!user) throw validationError('invalid_totp', 'The code does not match; check the time on your device and try again.');
      return { user: toUser(user), recoveryCodes: await replaceRecoveryCodes(actor.userId) };
    },

    recoveryCodesStatus: async (actor: Actor) => recovery.status({ userId: actor.userId }),

    /** A new set for a two-factor account after the password is re-entered (counted like sign-in attempts). */
    regenerateRecoveryCodes: async (actor: Actor, password: string) => {
      const found = await currentUser(actor);
      const { user } = found;
      if (!user.totpEnabled) throw conflict('totp_not_enabled', 'Turn on two-factor authentication first; recovery codes come with it.');
      const window = { key: `recovery:account:${user.id}`, windowSeconds: config.loginWindowSeconds, now: clock.now().toISOString() };
      if ((await reentry.hit(window)) > config.loginMaxAttempts)
        throw rateLimited(`Too many wrong passwords; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      if (!(await verifyPassword(password, user.passwordHash))) throw unauthorized('invalid_password', 'The password is wrong.');
      await reentry.release(window);
      return db.transaction(async (tx) => {
        await logOwn(found, 'recovery_codes.regenerated', {}, tx);
        return { codes: await replaceRecoveryCodes(user.id, tx) };
      });
    },

    /**
     * Admin provisioning (管理者による直接作成): the admin sets an initial password. Kept for automation and
     * the seed; people are invited by e-mail (members module) and choose their own password.
     */
    createMember: async (actor: Actor, input: TCreateMemberRequest) => {
      if (actor.orgRole !== 'admin') throw forbidden('admin_only', 'Only an administrator of your organization can add users.');
      const user = await db.transaction((tx) => createUser(actor.organizationId, input, tx));
      return { user: toUser(user) };
    },

    /** A new account in an organization (inside the caller's transaction); 409 email_taken when the address is in use. */
    newAccount: createUser,
    issueSession,

    listMembers: async (actor: Actor) => ({ users: (await repo.listUsers({ organizationId: actor.organizationId })).map(toUser) }),
  };
};
export type AuthService = ReturnType<typeof createAuthService>;
