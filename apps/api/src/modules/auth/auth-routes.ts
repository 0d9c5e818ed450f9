import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateMemberRequest,
  ZLoginRequest,
  ZOrganization,
  ZRecoveryCodesResponse,
  ZRecoveryCodesStatus,
  ZRegenerateRecoveryCodesRequest,
  ZRegisterRequest,
  ZSession,
  ZTotpEnrollResponse,
  ZTotpResetRequest,
  ZTotpResetResponse,
  ZTotpVerifyRequest,
  ZTotpVerifyResponse,
  ZUser,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { AuthService, IssuedSession } from './auth-service.ts';
import { SESSION_PATH, clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie.ts';

const tags = ['auth'];
const security = [{ bearer: [] }];

export const authRoutes =
  (auth: AuthService, refreshTokenTtlDays: number): FastifyPluginAsyncZod =>
  async (app) => {
    /** The body carries the access token; the refresh token goes only into its cookie. */
    const withCookie = (reply: FastifyReply, issued: IssuedSession) => {
      setRefreshCookie(reply, issued.refreshToken, refreshTokenTtlDays);
      return issued.session;
    };
    app.post(
      '/api/v1/auth/register',
      { schema: { tags, summary: 'Register an organization with its first (admin) user', body: ZRegisterRequest, response: { 201: ZSession, ...errorResponses(400, 409, 429) } } },
      async (request, reply) => reply.status(201).send(withCookie(reply, await auth.register(request.body))),
    );
    app.post(
      '/api/v1/auth/login',
      { schema: { tags, summary: 'Sign in (with a TOTP code when enrolled)', body: ZLoginRequest, response: { 200: ZSession, ...errorResponses(400, 401, 429) } } },
      async (request, reply) => withCookie(reply, await auth.login(request.body, request.ip)),
    );
    app.post(
      `${SESSION_PATH}/refresh`,
      { schema: { tags, summary: 'Renew the session: rotates the refresh-token cookie, returns a new access token', response: { 200: ZSession, ...errorResponses(401) } } },
      async (request, reply) => {
        try {
          return withCookie(reply, await auth.refresh(refreshCookieOf(request)));
        } catch (e) {
          clearRefreshCookie(reply);
          throw e;
        }
      },
    );
    app.post(
      `${SESSION_PATH}/logout`,
      { schema: { tags, summary: 'Sign out: ends the sign-in (refresh and access tokens) and clears the cookie', response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.logout(refreshCookieOf(request));
        return clearRefreshCookie(reply).status(204).send(null);
      },
    );
    app.get(
      '/api/v1/auth/me',
      { onRequest: requireAuth, schema: { tags, security, summary: 'The signed-in user', response: { 200: z.object({ user: ZUser, organization: ZOrganization }), ...errorResponses(401) } } },
      async (request) => auth.me(actorOf(request)),
    );
    app.post(
      '/api/v1/auth/totp/enroll',
      { onRequest: requireAuth, schema: { tags, security, summary: 'Start TOTP enrollment (RFC 6238)', response: { 200: ZTotpEnrollResponse, ...errorResponses(401, 409) } } },
      async (request) => auth.enrollTotp(actorOf(request)),
    );
    app.post(
      '/api/v1/auth/totp/verify',
      { onRequest: requireAuth, schema: { tags, security, summary: 'Confirm TOTP enrollment with a code; answers the first one-time recovery codes (shown only now)', body: ZTotpVerifyRequest, response: { 200: ZTotpVerifyResponse, ...errorResponses(400, 401) } } },
      async (request) => auth.verifyTotpEnrollment(actorOf(request), request.body.code),
    );
    app.post(
      '/api/v1/auth/totp/reset',
      {
        schema: {
          tags,
          summary:
            'Lost authenticator: sign in with password and one recovery code and start a new authenticator (answers the session and the new secret; confirm with POST /api/v1/auth/totp/verify, which replaces the old secret and the remaining recovery codes). 401 invalid_credentials / invalid_recovery_code; 409 totp_not_enabled',
          body: ZTotpResetRequest,
          response: { 200: ZTotpResetResponse, ...errorResponses(400, 401, 409, 429) },
        },
      },
      async (request, reply) => {
        const { response, refreshToken } = await auth.resetTotp(request.body, request.ip);
        setRefreshCookie(reply, refreshToken, refreshTokenTtlDays);
        return response;
      },
    );
    app.get(
      '/api/v1/auth/recovery-codes',
      { onRequest: requireAuth, schema: { tags, security, summary: 'How many of your recovery codes are left (never the codes)', response: { 200: ZRecoveryCodesStatus, ...errorResponses(401) } } },
      async (request) => auth.recoveryCodesStatus(actorOf(request)),
    );
    app.post(
      '/api/v1/auth/recovery-codes',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: 'Replace your recovery codes with a new set (password re-entered; two-factor accounts)', body: ZRegenerateRecoveryCodesRequest, response: { 200: ZRecoveryCodesResponse, ...errorResponses(400, 401, 409, 429) } },
      },
      async (request) => auth.regenerateRecoveryCodes(actorOf(request), request.body.password),
    );
    app.get(
      '/api/v1/organization/users',
      { onRequest: requireAuth, schema: { tags, security, summary: "Users of the caller's organization", response: { 200: z.object({ users: z.array(ZUser) }), ...errorResponses(401) } } },
      async (request) => auth.listMembers(actorOf(request)),
    );
    app.post(
      '/api/v1/organization/users',
      { onRequest: requireAuth, schema: { tags, security, summary: "Admin provisioning: create a user with an initial password the admin chooses (admins; for automation and resets — people are normally invited by e-mail, POST /api/v1/organization/invitations)", body: ZCreateMemberRequest, response: { 201: z.object({ user: ZUser }), ...errorResponses(400, 401, 403, 409) } } },
      async (request, reply) => reply.status(201).send(await auth.createMember(actorOf(request), request.body)),
    );
  };
