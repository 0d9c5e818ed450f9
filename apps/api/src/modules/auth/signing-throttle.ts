import { type Db, throttleRepository } from '@bunkai/db';
import { type Clock, systemClock } from '../../platform/clock.ts';

/**
 * The throttle calls the signing path makes today (read, then bump after a wrong password).
 * Kept so sign-off keeps working while it moves to the atomic `throttleRepository.hit`, as sign-in has.
 */
export const createAuthRepository = (db: Db, clock: Clock = systemClock) => {
  const throttle = throttleRepository(db);
  const at = (key: string, windowSeconds: number) => ({ key, windowSeconds, now: clock.now().toISOString() });
  return {
    readThrottle: (key: string, windowSeconds: number, tx: Db = db) => throttle.read(at(key, windowSeconds), tx),
    bumpThrottle: (key: string, windowSeconds: number, tx: Db = db) => throttle.hit(at(key, windowSeconds), tx),
    clearThrottle: (key: string, tx: Db = db) => throttle.clear({ key }, tx),
  };
};
export type AuthRepository = ReturnType<typeof createAuthRepository>;
