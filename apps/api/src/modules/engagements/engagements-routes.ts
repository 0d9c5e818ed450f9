import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreateEngagementRequest, ZEngagement, ZEngagementSummary, ZParty, ZUpdateEngagementRequest } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { EngagementsService } from './engagements-service.ts';

const tags = ['engagements'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

/** Who may call: any signed-in user for list/create (create: hospital admins); read: parties; update: the owner. */
export const engagementsRoutes =
  (service: EngagementsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements',
      {
        schema: {
          tags,
          security,
          summary: "Engagements the caller's organization is a party to",
          querystring: z.object({ archived: z.enum(['true', 'false']).default('false') }),
          response: { 200: z.object({ engagements: z.array(ZEngagementSummary) }), ...errorResponses(401) },
        },
      },
      async (request) => service.list(actorOf(request), request.query.archived === 'true'),
    );
    app.post(
      '/api/v1/engagements',
      {
        schema: {
          tags,
          security,
          summary: 'Start an engagement (協議案件), optionally from a catalog template',
          body: ZCreateEngagementRequest,
          response: { 201: z.object({ engagement: ZEngagement }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/engagements/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One engagement with its parties, progress and the caller’s roles',
          params: ZParams,
          response: { 200: z.object({ engagement: ZEngagementSummary, parties: z.array(ZParty) }), ...errorResponses(401, 404) },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/engagements/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Update settings or archive (owner; send the version you saw)',
          params: ZParams,
          body: ZUpdateEngagementRequest,
          response: { 200: z.object({ engagement: ZEngagement }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );
  };
