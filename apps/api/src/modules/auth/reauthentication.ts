import { type Db, type UserRow, accountEventsRepository, authRepository, recoveryCodesRepository, throttleRepository } from '@bunkai/db';
import { type DomainError, rateLimited, unauthorized } from '@bunkai/domain';
import type { Config } from '../../config.ts';
import type { SecurityNotices } from './security-notice.ts';
import type { Clock } from '../../platform/clock.ts';
import { verifyPassword } from './password.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import { verifyTotp } from './totp.ts';

type Deps = { db: Db; clock: Clock; config: Pick<Config, 'loginMaxAttempts' | 'loginWindowSeconds'>; notify: SecurityNotices };

/** The second factor a re-authentication proved, spent later inside the act's transaction. */
export type ReauthFactor = { kind: 'totp'; step: number } | { kind: 'recovery_code'; codeHash: string };

/**
 * Password (+ TOTP or a recovery code) re-entry for acts that need the person, not just a session:
 * signing. The attempt is counted before the password is checked, in one statement, so parallel
 * wrong passwords cannot exceed the limit; the second factor is spent later, inside the caller's
 * transaction, by a conditional UPDATE — one TOTP code or one recovery code proves one act.
 */
export const createReauthentication = ({ db, clock, config, notify }: Deps) => {
  const throttle = throttleRepository(db);
  const recovery = recoveryCodesRepository(db);
  const windowOf = (user: UserRow) => ({ key: `sign:account:${user.id}`, windowSeconds: config.loginWindowSeconds, now: clock.now().toISOString() });

  return {
    /** Checks the credentials; returns the second factor to spend (null without TOTP). Failures stay counted. */
    check: async (user: UserRow, input: { password: string; totp?: string | undefined; recoveryCode?: string | undefined }): Promise<ReauthFactor | null> => {
      const window = windowOf(user);
      if ((await throttle.hit(window)) > config.loginMaxAttempts)
        throw rateLimited(`Too many failed signing attempts; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      if (!(await verifyPassword(input.password, user.passwordHash))) throw unauthorized('invalid_password', 'The password is wrong; re-enter your own password to sign.');
      if (!user.totpEnabled) {
        await throttle.release(window);
        return null;
      }
      if (!input.totp && input.recoveryCode) {
        // A lost authenticator (decision 0014): an unused recovery code stands in for the TOTP code.
        const codeHash = hashRecoveryCode(input.recoveryCode);
        if (!(await recovery.isUnused({ userId: user.id, codeHash }))) throw unauthorized('invalid_recovery_code', 'The recovery code is wrong or was already used.');
        await throttle.release(window);
        return { kind: 'recovery_code', codeHash };
      }
      if (!input.totp) {
        await throttle.release(window);
        throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app (or a recovery code) to sign.');
      }
      const step = verifyTotp(user.totpSecret ?? '', input.totp, clock.now().getTime());
      if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
        throw unauthorized('invalid_totp', 'The authenticator code is wrong or was already used.');
      await throttle.release(window);
      return { kind: 'totp', step };
    },
    /**
     * Spends the factor inside the act's transaction; null when it succeeded, else the refusal (a
     * parallel request spent the same code first). A spent recovery code is written to the account audit log.
     */
    consume: async (user: UserRow, factor: ReauthFactor, tx: Db, purpose: string): Promise<DomainError | null> => {
      if (factor.kind === 'totp')
        return (await authRepository(tx).consumeTotpStep({ userId: user.id, step: factor.step })) ? null : unauthorized('invalid_totp', 'The authenticator code is wrong or was already used.');
      const at = clock.now().toISOString();
      if (!(await recovery.consume({ userId: user.id, codeHash: factor.codeHash, at }, tx))) return unauthorized('invalid_recovery_code', 'The recovery code is wrong or was already used.');
      await accountEventsRepository(tx).append({ organizationId: user.organizationId, type: 'recovery_code.used', actorUserId: user.id, subjectUserId: user.id, payload: { purpose }, at }, tx);
      await notify(user.email, 'recovery_code_signing', tx);
      return null;
    },
    /** The act succeeded: earlier failures in the window no longer count against the person. */
    succeeded: async (user: UserRow) => throttle.clear({ key: windowOf(user).key }),
  };
};
export type Reauthentication = ReturnType<typeof createReauthentication>;
