import { createHash, randomBytes } from 'node:crypto';

/** An opaque secret for links and refresh tokens; only its SHA-256 is stored. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
