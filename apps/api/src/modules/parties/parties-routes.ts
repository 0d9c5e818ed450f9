import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreatePartyRequest, ZPartiesResponse, ZParty, ZSignatory, ZUpdatePartyRequest } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { PartiesService } from './parties-service.ts';

const tags = ['parties'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZPartyParams = z.object({ partyId: z.uuid() });
const ZSignatoryParams = z.object({ partyId: z.uuid(), userId: z.uuid() });

/**
 * 当事者 and their 署名権限. Who may call: readers list; the owner creates and
 * edits any party; a party's own members edit its contacts; signatories are
 * managed by an admin of the organization that is the party.
 */
export const partiesRoutes =
  (service: PartiesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements/:id/parties',
      {
        schema: { tags, security, summary: 'Parties (当事者) with their contacts (readers)', params: ZEngagementParams, response: { 200: ZPartiesResponse, ...errorResponses(401, 404) } },
      },
      async (request) => service.list(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/engagements/:id/parties',
      {
        schema: {
          tags,
          security,
          summary: 'Add a placeholder party (owner); invite an organization into it afterwards',
          params: ZEngagementParams,
          body: ZCreatePartyRequest,
          response: { 201: z.object({ party: ZParty }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/v1/parties/:partyId',
      {
        schema: {
          tags,
          security,
          summary: "Update a party (owner: any field; the party's own members: contacts and contract reference); send the version you saw",
          params: ZPartyParams,
          body: ZUpdatePartyRequest,
          response: { 200: z.object({ party: ZParty }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.update(actorOf(request), request.params.partyId, request.body),
    );
    app.get(
      '/api/v1/parties/:partyId/signatories',
      {
        schema: {
          tags,
          security,
          summary: 'Users holding the signatory right (署名権限) for a party (readers)',
          params: ZPartyParams,
          response: { 200: z.object({ signatories: z.array(ZSignatory) }), ...errorResponses(401, 404) },
        },
      },
      async (request) => service.listSignatories(actorOf(request), request.params.partyId),
    );
    app.put(
      '/api/v1/parties/:partyId/signatories/:userId',
      {
        schema: {
          tags,
          security,
          summary: "Grant the signatory right to a user of the party's own organization (that organization's admins; idempotent)",
          params: ZSignatoryParams,
          response: { 200: z.object({ signatory: ZSignatory }), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => service.grantSignatory(actorOf(request), request.params.partyId, request.params.userId),
    );
    app.delete(
      '/api/v1/parties/:partyId/signatories/:userId',
      {
        schema: {
          tags,
          security,
          summary: "Revoke a user's signatory right (the party organization's admins)",
          params: ZSignatoryParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await service.revokeSignatory(actorOf(request), request.params.partyId, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
