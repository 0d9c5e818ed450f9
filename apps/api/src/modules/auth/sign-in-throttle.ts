import { type Db, throttleRepository } from '@bunkai/db';
import { rateLimited } from '@bunkai/domain';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';

type Deps = { db: Db; clock: Clock; config: Pick<Config, 'loginMaxAttempts' | 'loginWindowSeconds'> };

/** What the counters allow for one sign-in attempt (docs/decisions/0008-sign-in-throttling.md). */
export type Admission = {
  /**
   * The account has had more than LOGIN_MAX_ATTEMPTS attempts in the window: only an attempt with
   * a second factor, from an address with no failures for the account, is still checked.
   */
  underAttack: boolean;
  /** The attempt proved the person: take its counts back (a success is no abuse). */
  succeeded: () => Promise<void>;
  /** The password was right but the second factor wrong: counted on the account's second-factor budget. */
  secondFactorFailed: () => Promise<void>;
};

/** Password-right-but-code-wrong attempts an account takes per window before refusing every code. */
const SECOND_FACTOR_BUDGET = 3;
/** An address may fail this many times more (over all accounts) than one account allows. */
const ADDRESS_FACTOR = 5;

/**
 * Sign-in counters, each bumped in one statement before the password is checked so parallel
 * attempts (on any number of instances) see distinct counts:
 * - per (account, address) and per address, with exponential backoff past the limit: they slow
 *   the attacker without touching anyone else;
 * - per account: past the limit the account is "under attack", and then only attempts that carry
 *   a TOTP code, from addresses without failures for the account, are checked — the person with
 *   their password and authenticator signs in from elsewhere while the flood goes on.
 */
export const createSignInThrottle = ({ db, clock, config }: Deps) => {
  const throttle = throttleRepository(db);
  const limit = config.loginMaxAttempts;
  const refuse = () => {
    throw rateLimited(`Too many failed sign-ins; wait ${Math.ceil(config.loginWindowSeconds / 60)} minutes and try again.`);
  };

  return {
    /**
     * Counts the attempt and refuses it (429) when a limit says so. `hasSecondFactor`: the attempt
     * carries a TOTP code for an account that has TOTP enabled.
     */
    admit: async (email: string, ip: string, hasSecondFactor: boolean): Promise<Admission> => {
      const account = email.toLowerCase();
      const window = { windowSeconds: config.loginWindowSeconds, now: clock.now().toISOString() };
      const keys = { pair: `login:pair:${account}:${ip}`, ip: `login:ip:${ip}`, account: `login:account:${account}`, second: `login:2fa:${account}` };
      const [pair, byIp, byAccount] = await Promise.all([
        throttle.hit({ key: keys.pair, ...window, backoffAfter: limit }),
        throttle.hit({ key: keys.ip, ...window, backoffAfter: limit * ADDRESS_FACTOR }),
        throttle.hit({ key: keys.account, ...window }),
      ]);
      const underAttack = byAccount > limit;
      // `pair > 1`: this address already has an attempt for the account that was not taken back, i.e. a failure.
      if (pair > limit || byIp > limit * ADDRESS_FACTOR || (underAttack && (!hasSecondFactor || pair > 1))) refuse();
      if (underAttack && (await throttle.read({ key: keys.second, ...window })) >= SECOND_FACTOR_BUDGET) refuse();
      return {
        underAttack,
        succeeded: async () => {
          await Promise.all([throttle.release({ key: keys.pair }), throttle.release({ key: keys.ip }), throttle.release({ key: keys.account })]);
        },
        secondFactorFailed: async () => {
          await throttle.hit({ key: keys.second, ...window });
        },
      };
    },
  };
};
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
