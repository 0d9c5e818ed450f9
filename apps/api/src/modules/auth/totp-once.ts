import { type Db, type UserRow, authRepository } from '@bunkai/db';
import { verifyTotp } from './totp.ts';

export type TotpCheck = { userId: string; secret: string; code: string; now: Date };

/**
 * The one TOTP check for every path that accepts a code (sign-in now, signing next): verifies the
 * code at `now` and consumes its time step in a single conditional UPDATE, so of several requests
 * racing with one code exactly one gets the user back; the rest get null, as for a wrong code.
 */
export const consumeTotpCode = async ({ userId, secret, code, now }: TotpCheck, tx: Db): Promise<UserRow | null> => {
  const step = verifyTotp(secret, code, now.getTime());
  if (step === null) return null;
  return (await authRepository(tx).consumeTotpStep({ userId, step })) ?? null;
};
