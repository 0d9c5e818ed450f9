import { createHmac } from 'node:crypto';

/** RFC 4648 base32 (the alphabet authenticator apps use for TOTP secrets). */
const base32 = (s: string): Buffer => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
};

/** RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits. */
export const totpAt = (secret: string, step: number): string => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
};

export const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * A code from a step later than `lastUsed`: the API refuses a replayed step,
 * so a second use by the same user waits for the next 30-second window.
 */
export const freshTotp = async (secret: string, lastUsed: number | null): Promise<{ code: string; step: number }> => {
  while (lastUsed !== null && currentStep() <= lastUsed) await new Promise((r) => setTimeout(r, 500));
  const step = currentStep();
  return { code: totpAt(secret, step), step };
};
