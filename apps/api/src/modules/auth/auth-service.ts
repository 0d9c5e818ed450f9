import { randomUUID } from 'node:crypto';
import {
  type TCreateMemberRequest,
  type TLoginRequest,
  type TRegisterRequest,
  type TSession,
  conflict,
  forbidden,
  rateLimited,
  unauthorized,
  validationError,
} from '@bunkai/domain';
import { type Db, type SignInRow, type UserRow, authRepository, isUniqueViolation, recoveryCodesRepository, throttleRepository, toOrganization, toUser } from '@bunkai/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../plugins/auth.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { hashToken, newOpaqueToken } from './tokens.ts';
import { consumeTotpCode } from './totp-once.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

type Deps = {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'scryptCost' | 'refreshTokenTtlDays' | 'accessTokenTtlSeconds' | 'loginMaxAttempts' | 'loginWindowSeconds'>;
  signAccessToken: (actor: Actor) => string;
};

export const createAuthService = ({ db, clock, config, signAccessToken }: Deps) => {
  const repo = authRepository(db);
  const throttle = throttleRepository(db);
  const recovery = recoveryCodesRepository(db);

  /** A fresh set of recovery codes for the user, replacing any earlier set; the plain codes are returned once. */
  const replaceRecoveryCodes = async (userId: string, tx: Db = db) => {
    const codes = newRecoveryCodes();
    await recovery.replaceForUser({ userId, hashes: codes.map(hashRecoveryCode) }, tx);
    return codes;
  };

  const issueSession = async ({ user, organization }: SignInRow, familyId: string = randomUUID(), tx: Db = db): Promise<TSession> => {
    const refreshToken = newOpaqueToken();
    const expiresAt = new Date(clock.now().getTime() + config.refreshTokenTtlDays * 86_400_000).toISOString();
    await repo.insertRefreshToken({ userId: user.id, familyId, tokenHash: hashToken(refreshToken), expiresAt }, tx);
    return {
      accessToken: signAccessToken({ userId: user.id, organizationId: organization.id, orgRole: user.orgRole }),
      refreshToken,
      expiresIn: config.accessTokenTtlSeconds,
      user: toUser(user),
      organization: toOrganization(organization),
    };
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

  /** Checks e-mail, password and (when enrolled) a TOTP code; throws the sign-in error otherwise. */
  const authenticate = async (input: TLoginRequest, now: Date): Promise<SignInRow | 'totp_required'> => {
    const found = await repo.findUserByEmail({ email: input.email });
    // Hash even when the account does not exist, so response time does not reveal which e-mails are registered.
    const ok = found ? await verifyPassword(input.password, found.user.passwordHash) : (await hashPassword(input.password, config.scryptCost), false);
    if (!found || !ok) throw unauthorized('invalid_credentials', 'E-mail or password is wrong.');
    if (!found.user.totpEnabled) return found;
    if (!input.totp && input.recoveryCode) {
      const spent = await recovery.consume({ userId: found.user.id, codeHash: hashRecoveryCode(input.recoveryCode), at: now.toISOString() });
      if (!spent) throw unauthorized('invalid_recovery_code', 'The recovery code is wrong or was already used.');
      return found;
    }
    if (!input.totp) return 'totp_required';
    const user = await consumeTotpCode({ userId: found.user.id, secret: found.user.totpSecret ?? '', code: input.totp, now }, db);
    if (!user) throw unauthorized('invalid_totp', 'The authenticator code is wrong or was already used.');
    return { user, organization: found.organization };
  };

  return {
    register: async (input: TRegisterRequest): Promise<TSession> =>
      db.transaction(async (tx) => {
        const organization = await repo.insertOrganization({ name: input.organization.name, kind: input.organization.kind }, tx);
        const user = await createUser(organization.id, { ...input.user, orgRole: 'admin' }, tx);
        return issueSession({ user, organization }, undefined, tx);
      }),

    /**
     * Every attempt is counted before the password is checked, each counter in one statement
     * (per address and per account), so parallel attempts cannot slip past the limit; an attempt
     * that proves the password is taken back.
     */
    login: async (input: TLoginRequest, ip: string): Promise<TSession> => {
      const now = clock.now();
      const window = { windowSeconds: config.loginWindowSeconds, now: now.toISOString() };
      const ipKey = `login:ip:${ip}`;
      const accountKey = `login:account:${input.email.toLowerCase()}`;
      const [byIp, byAccount] = await Promise.all([throttle.hit({ key: ipKey, ...window }), throttle.hit({ key: accountKey, ...window })]);
      if (byIp > config.loginMaxAttempts * 5 || byAccount > config.loginMaxAttempts)
        throw rateLimited(`Too many failed sign-ins; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      const result = await authenticate(input, now);
      await throttle.release({ key: ipKey });
      if (result === 'totp_required') {
        await throttle.release({ key: accountKey });
        throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app.');
      }
      await throttle.clear({ key: accountKey });
      return issueSession(result);
    },

    /** Rotates a refresh token; presenting an already-rotated token revokes its whole family (theft detection). */
    refresh: async (refreshToken: string): Promise<TSession> => {
      const at = clock.now();
      const result: { session?: TSession; error?: 'invalid' | 'reused' } = await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate({ tokenHash: hashToken(refreshToken) }, tx);
        if (!row || row.revokedAt) return { error: 'invalid' };
        if (row.rotatedAt) {
          await repo.revokeFamily({ familyId: row.familyId, at: at.toISOString() }, tx);
          return { error: 'reused' };
        }
        if (new Date(row.expiresAt).getTime() < at.getTime()) return { error: 'invalid' };
        await repo.markRotated({ id: row.id, at: at.toISOString() }, tx);
        const found = await repo.findUserById({ id: row.userId }, tx);
        if (!found) return { error: 'invalid' };
        return { session: await issueSession(found, row.familyId, tx) };
      });
      if (result.session) return result.session;
      if (result.error === 'reused')
        throw unauthorized('refresh_token_reused', 'This refresh token was already used; every session from that sign-in has been ended.');
      throw unauthorized('invalid_refresh_token', 'The refresh token is invalid, expired or revoked; sign in again.');
    },

    logout: async (refreshToken: string): Promise<void> => {
      await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate({ tokenHash: hashToken(refreshToken) }, tx);
        if (row) await repo.revokeFamily({ familyId: row.familyId, at: clock.now().toISOString() }, tx);
      });
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
      if (!found?.user.totpSecret) throw validationError('totp_not_enrolled', 'Start enrollment first (POST /api/v1/auth/totp/enroll).');
      const step = verifyTotp(found.user.totpSecret, code, clock.now().getTime());
      const user = step === null ? undefined : await repo.consumeTotpStep({ userId: actor.userId, step, enable: true });
      if (!user) throw validationError('invalid_totp', 'The code does not match; check the time on your device and try again.');
      return { user: toUser(user), recoveryCodes: await replaceRecoveryCodes(actor.userId) };
    },

    recoveryCodesStatus: async (actor: Actor) => recovery.status({ userId: actor.userId }),

    /** A new set for a two-factor account after the password is re-entered (counted like sign-in attempts). */
    regenerateRecoveryCodes: async (actor: Actor, password: string) => {
      const { user } = await currentUser(actor);
      if (!user.totpEnabled) throw conflict('totp_not_enabled', 'Turn on two-factor authentication first; recovery codes come with it.');
      const window = { key: `recovery:account:${user.id}`, windowSeconds: config.loginWindowSeconds, now: clock.now().toISOString() };
      if ((await throttle.hit(window)) > config.loginMaxAttempts)
        throw rateLimited(`Too many wrong passwords; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      if (!(await verifyPassword(password, user.passwordHash))) throw unauthorized('invalid_password', 'The password is wrong.');
      await throttle.release(window);
      return { codes: await replaceRecoveryCodes(user.id) };
    },

    createMember: async (actor: Actor, input: TCreateMemberRequest) => {
      if (actor.orgRole !== 'admin') throw forbidden('admin_only', 'Only an administrator of your organization can add users.');
      const user = await db.transaction((tx) => createUser(actor.organizationId, input, tx));
      return { user: toUser(user) };
    },

    listMembers: async (actor: Actor) => ({ users: (await repo.listUsers({ organizationId: actor.organizationId })).map(toUser) }),
  };
};
export type AuthService = ReturnType<typeof createAuthService>;
