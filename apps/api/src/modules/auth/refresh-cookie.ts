import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The refresh token's only carrier: an HttpOnly cookie (page scripts cannot read it, so an XSS
 * cannot carry it away), Secure (browsers also accept it on http://localhost, the demo), and
 * SameSite=Strict with a path that only the session routes match — no other request, and no
 * request started from another site, ever sends it.
 */
export const REFRESH_COOKIE = 'bunkai_refresh';
export const SESSION_PATH = '/api/v1/auth/session';

export const setRefreshCookie = (reply: FastifyReply, token: string, ttlDays: number) =>
  reply.setCookie(REFRESH_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: SESSION_PATH, maxAge: ttlDays * 86_400 });

export const clearRefreshCookie = (reply: FastifyReply) =>
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: SESSION_PATH });

/** The presented refresh token, if any (bounded: anything longer is no token of ours). */
export const refreshCookieOf = (request: FastifyRequest): string | undefined => {
  const value = request.cookies[REFRESH_COOKIE];
  return value && value.length <= 200 ? value : undefined;
};
