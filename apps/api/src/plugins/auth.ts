import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Database } from '@bunkai/db';
import { unauthorized } from '@bunkai/domain';
import type { Config } from '../config.ts';
import { type SessionCheck, createSessionCheck } from './session-check.ts';

/** Who is calling, as proven by the access token. */
export type Actor = { userId: string; organizationId: string; orgRole: 'admin' | 'member' };

/** `sid`: the sign-in (refresh-token family) the token was issued for; logout ends it. */
type AccessClaims = { sub: string; org: string; role: 'admin' | 'member'; sid: string; typ: 'access' };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}
declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Whether the sign-in `sid` was ended (logout, refresh-token reuse), with its short-lived cache. */
    sessionCheck: SessionCheck;
  }
}

/**
 * Access tokens: HS256 only (the verifier refuses every other algorithm,
 * `none` included), short-lived, carrying user, organization, org role and the
 * sign-in they belong to — checked against the revocation state on every
 * request (plugins/session-check.ts: cached, dropped on every instance when
 * the sign-in ends). Cookies: the refresh token's (modules/auth/refresh-cookie.ts).
 */
export const registerAuth = async (app: FastifyInstance, config: Config, database: Database) => {
  await app.register(fastifyCookie);
  const sessionCheck = createSessionCheck(database);
  app.decorate('sessionCheck', sessionCheck);
  app.addHook('onReady', sessionCheck.start);
  app.addHook('onClose', sessionCheck.stop);
  await app.register(fastifyJwt, {
    secret: config.jwtSecret,
    sign: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
    // `cache`: a client sends the same access token with every request until it refreshes it; a
    // verified token (or its failure) is remembered until it expires instead of re-running HMAC each time.
    verify: { algorithms: ['HS256'], cache: true },
  });
  app.decorateRequest('actor', null);
};

export const signAccessToken = (app: FastifyInstance, actor: Actor, sid: string): string =>
  app.jwt.sign({ sub: actor.userId, org: actor.organizationId, role: actor.orgRole, sid, typ: 'access' });

/** Route guard: the request must carry a valid access token. */
export const requireAuth: onRequestAsyncHookHandler = async (request) => {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw unauthorized('missing_token', 'Sign in first: the Authorization: Bearer header is missing.');
  let claims: AccessClaims;
  try {
    claims = request.server.jwt.verify<AccessClaims>(header.slice('Bearer '.length));
  } catch {
    throw unauthorized('invalid_token', 'The access token is invalid or has expired; sign in again or refresh it.');
  }
  if (claims.typ !== 'access' || typeof claims.sid !== 'string') throw unauthorized('invalid_token', 'Not an access token.');
  if (await request.server.sessionCheck.isRevoked(claims.sid)) throw unauthorized('invalid_token', 'This session has ended (signed out); sign in again.');
  // As request.jwtVerify() would (the event stream ends when the token's `exp` passes).
  request.user = claims;
  request.actor = { userId: claims.sub, organizationId: claims.org, orgRole: claims.role };
};

/** The authenticated actor; only call behind `requireAuth`. */
export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw unauthorized('missing_token', 'Sign in first.');
  return request.actor;
};
