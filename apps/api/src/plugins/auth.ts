import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { unauthorized } from '@bunkai/domain';
import type { Config } from '../config.ts';

/** Who is calling, as proven by the access token. */
export type Actor = { userId: string; organizationId: string; orgRole: 'admin' | 'member' };

type AccessClaims = { sub: string; org: string; role: 'admin' | 'member'; typ: 'access' };

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
}

/**
 * Access tokens: HS256 only (the verifier refuses every other algorithm,
 * `none` included), short-lived, carrying user, organization and org role.
 */
export const registerAuth = async (app: FastifyInstance, config: Config) => {
  await app.register(fastifyJwt, {
    secret: config.jwtSecret,
    sign: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
    // `cache`: a client sends the same access token with every request until it refreshes it; a
    // verified token (or its failure) is remembered until it expires instead of re-running HMAC each time.
    verify: { algorithms: ['HS256'], cache: true },
  });
  app.decorateRequest('actor', null);
};

export const signAccessToken = (app: FastifyInstance, actor: Actor): string =>
  app.jwt.sign({ sub: actor.userId, org: actor.organizationId, role: actor.orgRole, typ: 'access' });

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
  if (claims.typ !== 'access') throw unauthorized('invalid_token', 'Not an access token.');
  // As request.jwtVerify() would (the event stream ends when the token's `exp` passes).
  request.user = claims;
  request.actor = { userId: claims.sub, organizationId: claims.org, orgRole: claims.role };
};

/** The authenticated actor; only call behind `requireAuth`. */
export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw unauthorized('missing_token', 'Sign in first.');
  return request.actor;
};
