import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptMemberInvitationRequest,
  ZAccountEventsResponse,
  ZCreateMemberInvitationRequest,
  ZInvitationTokenBody,
  ZMemberInvitation,
  ZMemberInvitationPreview,
  ZSession,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import { setRefreshCookie } from '../auth/index.ts';
import type { MembersService } from './members-service.ts';

const tags = ['members'];
const security = [{ bearer: [] }];
const ZInvitationParams = z.object({ invitationId: z.uuid() });
const ZEventsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const ZInvitationBody = z.object({ invitation: ZMemberInvitation });

/**
 * メンバー招待. Who may call: the caller's organization admins invite, list, resend and revoke;
 * whoever holds the e-mailed link previews it and joins with it (the token travels in the body).
 */
export const membersRoutes =
  (service: MembersService, refreshTokenTtlDays: number): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/organization/invitations',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary:
            'Invite a person to your organization by e-mail (admins): the one-time link is e-mailed only, never answered. 409 email_taken, member_invitation_pending',
          body: ZCreateMemberInvitationRequest,
          response: { 201: ZInvitationBody, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.invite(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/organization/invitations',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: "Your organization's member invitations with their status (admins; tokens are never listed)", response: { 200: z.object({ invitations: z.array(ZMemberInvitation) }), ...errorResponses(401, 403) } },
      },
      async (request) => service.list(actorOf(request)),
    );
    app.post(
      '/api/v1/organization/invitations/:invitationId/resend',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: 'E-mail a new link with a new deadline (admins); the previous link stops working', params: ZInvitationParams, response: { 200: ZInvitationBody, ...errorResponses(401, 403, 404, 409) } },
      },
      async (request) => service.resend(actorOf(request), request.params.invitationId),
    );
    app.delete(
      '/api/v1/organization/invitations/:invitationId',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: 'Revoke a member invitation (admins); 409 invitation_used once accepted', params: ZInvitationParams, response: { 200: ZInvitationBody, ...errorResponses(401, 403, 404, 409) } },
      },
      async (request) => service.revoke(actorOf(request), request.params.invitationId),
    );
    app.get(
      '/api/v1/organization/events',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: 'Account audit log of your organization, newest first (admins): invitations, recovery-code use, two-factor replacement', querystring: ZEventsQuery, response: { 200: ZAccountEventsResponse, ...errorResponses(400, 401, 403) } },
      },
      async (request) => service.events(actorOf(request), request.query.limit),
    );
    app.post(
      '/api/v1/member-invitations/preview',
      {
        schema: { tags, summary: 'Preview a member invitation from its link (public; the token is the credential): organization, e-mail, role, status', body: ZInvitationTokenBody, response: { 200: ZMemberInvitationPreview, ...errorResponses(400, 404) } },
      },
      async (request) => service.preview(request.body.token),
    );
    app.post(
      '/api/v1/member-invitations/accept',
      {
        schema: {
          tags,
          summary: 'Join with the link: `{ token, displayName, password }` creates your account and signs you in. 409 invitation_used, invitation_expired, invitation_revoked, email_taken',
          body: ZAcceptMemberInvitationRequest,
          response: { 201: ZSession, ...errorResponses(400, 404, 409) },
        },
      },
      async (request, reply) => {
        const issued = await service.accept(request.body);
        setRefreshCookie(reply, issued.refreshToken, refreshTokenTtlDays);
        return reply.status(201).send(issued.session);
      },
    );
  };
