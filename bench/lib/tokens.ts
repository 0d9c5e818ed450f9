import { createHmac, randomUUID } from 'node:crypto';

/** The secret the bench servers are started with (loopback only, throwaway data). */
export const BENCH_JWT_SECRET = 'bunkai-bench-secret-bunkai-bench-secret-0123456789';

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/**
 * An access token exactly as the API signs them (HS256, sub/org/role/typ and the sign-in's
 * session id `sid`: a family no sign-out has revoked),
 * made without a login so the load generator measures the routes, not scrypt.
 */
export const accessToken = (
  actor: { userId: string; organizationId: string; orgRole: 'admin' | 'member' },
  secret = BENCH_JWT_SECRET,
  ttlSeconds = 6 * 3600,
): string => {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: actor.userId, org: actor.organizationId, role: actor.orgRole, sid: randomUUID(), typ: 'access', iat: now, exp: now + ttlSeconds }));
  const sig = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
};
