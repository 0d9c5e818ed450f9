import { type Db, type UserRow, authRepository, throttleRepository } from '@bunkai/db';
import { rateLimited, unauthorized } from '@bunkai/domain';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import { verifyPassword } from './password.ts';
import { verifyTotp } from './totp.ts';

type Deps = { db: Db; clock: Clock; config: Pick<Config, 'loginMaxAttempts' | 'loginWindowSeconds'> };

/**
 * Password (+ TOTP) re-entry for acts that need the person, not just a session: signing. The attempt
 * is counted before the password is checked, in one statement, so parallel wrong passwords cannot
 * exceed the limit; the TOTP step is consumed later, inside the caller's transaction, with the same
 * conditional UPDATE sign-in uses — one code proves one act.
 */
export const createReauthentication = ({ db, clock, config }: Deps) => {
  const throttle = throttleRepository(db);
  const windowOf = (user: UserRow) => ({ key: `sign:account:${user.id}`, windowSeconds: config.loginWindowSeconds, now: clock.now().toISOString() });

  return {
    /** Checks the credentials; returns the TOTP step to consume (null without TOTP). Failures stay counted. */
    check: async (user: UserRow, input: { password: string; totp?: string }): Promise<number | null> => {
      const window = windowOf(user);
      if ((await throttle.hit(window)) > config.loginMaxAttempts)
        throw rateLimited(`Too many failed signing attempts; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
      if (!(await verifyPassword(input.password, user.passwordHash))) throw unauthorized('invalid_password', 'The password is wrong; re-enter your own password to sign.');
      if (!user.totpEnabled) {
        await throttle.release(window);
        return null;
      }
      if (!input.totp) {
        await throttle.release(window);
        throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app to sign.');
      }
      const step = verifyTotp(user.totpSecret ?? '', input.totp, clock.now().getTime());
      if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep))
        throw unauthorized('invalid_totp', 'The authenticator code is wrong or was already used.');
      await throttle.release(window);
      return step;
    },
    /** Consumes the step inside the act's transaction: false when a parallel request used the code first. */
    consumeStep: async (userId: string, step: number, tx: Db): Promise<boolean> => (await authRepository(tx).consumeTotpStep({ userId, step })) !== undefined,
    /** The act succeeded: earlier failures in the window no longer count against the person. */
    succeeded: async (user: UserRow) => throttle.clear({ key: windowOf(user).key }),
  };
};
export type Reauthentication = ReturnType<typeof createReauthentication>;
