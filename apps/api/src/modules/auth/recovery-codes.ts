import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@bunkai/domain';
import { hashToken } from './tokens.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 80 random bits as 16 base32 characters in groups of four: `abcd-efgh-ijkm-npqr`. */
const newCode = (): string => {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let s = '';
  for (let i = 15; i >= 0; i--) s += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return s.match(/.{4}/g)!.join('-');
};

export const newRecoveryCodes = (n = RECOVERY_CODE_COUNT): string[] => Array.from({ length: n }, newCode);

/** What is stored and looked up: the SHA-256 of the code without case or hyphens, as typed codes vary. */
export const hashRecoveryCode = (code: string): string => hashToken(code.trim().toLowerCase().replace(/-/g, ''));
