import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPresentRequest, ZPresentationResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { PresenterService } from './presenter-service.ts';

const tags = ['review'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });
const path = '/api/v1/engagements/:id/review/presentation';

/** Who may call: read — every reader of the engagement; present — writers (owner, member, signatory); end — the presenter (409 for other readers). Non-parties 404. */
export const presenterRoutes =
  (service: PresenterService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      path,
      {
        schema: {
          tags,
          security,
          summary: '発表者モード: who presents the kickoff review (初回確認) and which item, or null',
          params: ZParams,
          response: { 200: ZPresentationResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => ({ presentation: await service.get(actorOf(request), request.params.id) }),
    );
    app.put(
      path,
      {
        schema: {
          tags,
          security,
          summary: 'Start presenting, move to another item, or renew; followers get a `review.presentation` frame on the live stream',
          params: ZParams,
          body: ZPresentRequest,
          response: { 200: ZPresentationResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({ presentation: await service.present(actorOf(request), request.params.id, request.body.cellId) }),
    );
    app.delete(
      path,
      {
        schema: {
          tags,
          security,
          summary: 'End the presentation (presenter only: 409 not_presenter for others; nothing to end is fine)',
          params: ZParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.end(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
