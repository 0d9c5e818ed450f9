import { randomUUID } from 'node:crypto';
import {
  type TCreateMemberRequest,
  type TLoginRequest,
  type TRegisterRequest,
  type TSession,
  type TUser,
  conflict,
  forbidden,
  rateLimited,
  unauthorized,
  validationError,
} from '@bunkai/domain';
import { type Db, isUniqueViolation } from '@bunkai/db';
import type { Config } from '../../config.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, newOpaqueToken } from './tokens.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';
import type { Actor } from '../../plugins/auth.ts';
import type { AuthRepository, OrganizationRow, UserRow } from './auth-repository.ts';

export const toUserDto = (u: UserRow): TUser => ({
  id: u.id,
  organizationId: u.organizationId,
  email: u.email,
  displayName: u.displayName,
  orgRole: u.orgRole,
  totpEnabled: u.totpEnabled,
  createdAt: new Date(u.createdAt).toISOString(),
});
const toOrgDto = (o: OrganizationRow) => ({ ...o, createdAt: new Date(o.createdAt).toISOString() });


type Deps = {
  db: Db;
  repo: AuthRepository;
  config: Pick<Config, 'scryptCost' | 'refreshTokenTtlDays' | 'accessTokenTtlSeconds' | 'loginMaxAttempts' | 'loginWindowSeconds'>;
  signAccessToken: (actor: Actor) => string;
};

export const createAuthService = ({ db, repo, config, signAccessToken }: Deps) => {
  const issueSession = async (user: UserRow, org: OrganizationRow, familyId: string = randomUUID(), tx: Db = db): Promise<TSession> => {
    const refreshToken = newOpaqueToken();
    await repo.insertRefreshToken(
      {
        userId: user.id,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAt: new Date(Date.now() + config.refreshTokenTtlDays * 86_400_000).toISOString(),
      },
      tx,
    );
    return {
      accessToken: signAccessToken({ userId: user.id, organizationId: org.id, orgRole: user.orgRole }),
      refreshToken,
      expiresIn: config.accessTokenTtlSeconds,
      user: toUserDto(user),
      organization: toOrgDto(org),
    };
  };

  const createUser = async (organizationId: string, input: { email: string; displayName: string; password: string; orgRole: 'admin' | 'member' }, tx: Db) => {
    try {
      return await repo.insertUser(
        {
          organizationId,
          email: input.email,
          displayName: input.displayName,
          orgRole: input.orgRole,
          passwordHash: await hashPassword(input.password, config.scryptCost),
        },
        tx,
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('email_taken', `An account for ${input.email} already exists.`);
      throw e;
    }
  };

  return {
    register: async (input: TRegisterRequest): Promise<TSession> =>
      db.transaction(async (tx) => {
        const org = await repo.insertOrganization({ name: input.organization.name, kind: input.organization.kind }, tx);
        const user = await createUser(org.id, { ...input.user, orgRole: 'admin' }, tx);
        return issueSession(user, org, undefined, tx);
      }),

    login: async (input: TLoginRequest, ip: string): Promise<TSession> => {
      const ipKey = `login:ip:${ip}`;
      const accountKey = `login:account:${input.email}`;
      const [byIp, byAccount] = await Promise.all([
        repo.readThrottle(ipKey, config.loginWindowSeconds),
        repo.readThrottle(accountKey, config.loginWindowSeconds),
      ]);
      if (byIp >= config.loginMaxAttempts * 5 || byAccount >= config.loginMaxAttempts)
        throw rateLimited(`Too many failed sign-ins; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      const fail = async (code: string, message: string) => {
        await Promise.all([repo.bumpThrottle(ipKey, config.loginWindowSeconds), repo.bumpThrottle(accountKey, config.loginWindowSeconds)]);
        return unauthorized(code, message);
      };
      const found = await repo.findUserByEmail(input.email);
      // Hash even when the account does not exist, so response time does not reveal which e-mails are registered.
      const ok = found ? await verifyPassword(input.password, found.user.passwordHash) : (await hashPassword(input.password, config.scryptCost), false);
      if (!found || !ok) throw await fail('invalid_credentials', 'E-mail or password is wrong.');
      const { user, organization } = found;
      if (user.totpEnabled) {
        if (!input.totp) throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app.');
        const step = verifyTotp(user.totpSecret ?? '', input.totp);
        if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
          throw await fail('invalid_totp', 'The authenticator code is wrong or was already used.');
        await repo.updateUser(user.id, { totpLastStep: step });
      }
      await repo.clearThrottle(accountKey);
      return issueSession(user, organization);
    },

    /** Rotates a refresh token; presenting an already-rotated token revokes its whole family (theft detection). */
    refresh: async (refreshToken: string): Promise<TSession> => {
      const result: { session?: TSession; error?: 'invalid' | 'reused' } = await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate(hashToken(refreshToken), tx);
        if (!row || row.revokedAt) return { error: 'invalid' };
        if (row.rotatedAt) {
          await repo.revokeFamily(row.familyId, tx);
          return { error: 'reused' };
        }
        if (new Date(row.expiresAt).getTime() < Date.now()) return { error: 'invalid' };
        await repo.markRotated(row.id, tx);
        const found = await repo.findUserById(row.userId, tx);
        if (!found) return { error: 'invalid' };
        return { session: await issueSession(found.user, found.organization, row.familyId, tx) };
      });
      if (result.session) return result.session;
      if (result.error === 'reused')
        throw unauthorized('refresh_token_reused', 'This refresh token was already used; every session from that sign-in has been ended.');
      throw unauthorized('invalid_refresh_token', 'The refresh token is invalid, expired or revoked; sign in again.');
    },

    logout: async (refreshToken: string): Promise<void> => {
      await db.transaction(async (tx) => {
        const row = await repo.findRefreshTokenForUpdate(hashToken(refreshToken), tx);
        if (row) await repo.revokeFamily(row.familyId, tx);
      });
    },

    me: async (actor: Actor) => {
      const found = await repo.findUserById(actor.userId);
      if (!found) throw unauthorized('invalid_token', 'This account no longer exists.');
      return { user: toUserDto(found.user), organization: toOrgDto(found.organization) };
    },

    enrollTotp: async (actor: Actor) => {
      const found = await repo.findUserById(actor.userId);
      if (!found) throw unauthorized('invalid_token', 'This account no longer exists.');
      if (found.user.totpEnabled) throw conflict('totp_already_enabled', 'Two-factor authentication is already enabled for this account.');
      const secret = newTotpSecret();
      await repo.updateUser(actor.userId, { totpSecret: secret });
      return { secret, otpauthUri: totpUri(secret, found.user.email) };
    },

    verifyTotpEnrollment: async (actor: Actor, code: string) => {
      const found = await repo.findUserById(actor.userId);
      if (!found?.user.totpSecret) throw validationError('totp_not_enrolled', 'Start enrollment first (POST /api/v1/auth/totp/enroll).');
      const step = verifyTotp(found.user.totpSecret, code);
      if (step === null) throw validationError('invalid_totp', 'The code does not match; check the time on your device and try again.');
      const user = await repo.updateUser(actor.userId, { totpEnabled: true, totpLastStep: step });
      return { user: toUserDto(user!) };
    },

    createMember: async (actor: Actor, input: TCreateMemberRequest) => {
      if (actor.orgRole !== 'admin') throw forbidden('admin_only', 'Only an administrator of your organization can add users.');
      const user = await db.transaction((tx) => createUser(actor.organizationId, input, tx));
      return { user: toUserDto(user) };
    },

    listMembers: async (actor: Actor) => ({ users: (await repo.listUsers(actor.organizationId)).map(toUserDto) }),
  };
};
export type AuthService = ReturnType<typeof createAuthService>;
