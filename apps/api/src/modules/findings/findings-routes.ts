import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZFindingsResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { FindingsService } from './findings-service.ts';

/** Who may call: every reader of the engagement (observers too); non-parties get 404. */
export const findingsRoutes =
  (service: FindingsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements/:id/findings',
      {
        schema: {
          tags: ['findings'],
          security: [{ bearer: [] }],
          summary: '指摘: current findings (blocking first) with counts per severity',
          params: z.object({ id: z.uuid() }),
          response: { 200: ZFindingsResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.list(actorOf(request), request.params.id),
    );
  };
