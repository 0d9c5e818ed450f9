import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptInvitationResponse,
  ZCreateInvitationRequest,
  ZCreateInvitationResponse,
  ZInvitation,
  ZInvitationPreview,
  ZInvitationTokenBody,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { InvitationsService } from './invitations-service.ts';

const tags = ['invitations'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZInvitationParams = z.object({ invitationId: z.uuid() });

/**
 * 招待. Who may call: the engagement owner creates, lists and revokes; anyone
 * holding the link previews it; a signed-in organization admin accepts it.
 */
export const invitationsRoutes =
  (service: InvitationsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/engagements/:id/invitations',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary:
            'Invite an organization to a party (owner): `{ email, partyId }` for a placeholder party or `{ email, role, displayName }` to create one, with `acceptBy` `invitee` (default: only the invited e-mail may accept) or `organization` (any admin with an address of its domain). The link is e-mailed to the invitee and answered once here; the token is never shown again',
          params: ZEngagementParams,
          body: ZCreateInvitationRequest,
          response: { 201: ZCreateInvitationResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/engagements/:id/invitations',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary: 'Invitations of an engagement with their status: pending, accepted, expired, revoked (owner; tokens are never listed)',
          params: ZEngagementParams,
          response: { 200: z.object({ invitations: z.array(ZInvitation) }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => service.list(actorOf(request), request.params.id),
    );
    app.delete(
      '/api/v1/invitations/:invitationId',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary: 'Revoke an invitation (owner); 409 invitation_used once accepted',
          params: ZInvitationParams,
          response: { 200: z.object({ invitation: ZInvitation }), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => service.revoke(actorOf(request), request.params.invitationId),
    );
    app.post(
      '/api/v1/invitations/preview',
      {
        schema: {
          tags,
          summary:
            'Preview an invitation from its link (public; the token, sent in the body rather than the path, is the credential): engagement, hospital, party, who may accept and status',
          body: ZInvitationTokenBody,
          response: { 200: ZInvitationPreview, ...errorResponses(400, 404) },
        },
      },
      async (request) => service.preview(request.body.token),
    );
    app.post(
      '/api/v1/invitations/accept',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary:
            "Accept an invitation `{ token }`: the caller's organization becomes the party (organization admins whose e-mail is the invited one, or of its domain when `acceptBy` is `organization`). 403 invitation_email_mismatch; 409 invitation_used (second use), invitation_expired, invitation_revoked, party_taken, already_party",
          body: ZInvitationTokenBody,
          response: { 200: ZAcceptInvitationResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.accept(actorOf(request), request.body.token),
    );
  };
