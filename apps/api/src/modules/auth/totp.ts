import { Secret, TOTP } from 'otpauth';

/** RFC 6238: SHA-1, 6 digits, 30-second steps; one step of clock drift either way. */
const PERIOD = 30;

const totpFor = (secretBase32: string, label = 'Bunkai') =>
  new TOTP({ issuer: 'Bunkai', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secretBase32: string, email: string): string => totpFor(secretBase32, email).toString();

export const generateTotp = (secretBase32: string, at = Date.now()): string => totpFor(secretBase32).generate({ timestamp: at });

/**
 * Returns the time step the code belongs to, or null. Callers store the step
 * and refuse any code whose step is not newer (no replay within the window).
 */
export const verifyTotp = (secretBase32: string, code: string, at = Date.now()): number | null => {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
};
