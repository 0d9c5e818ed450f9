import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@bunkai/db';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
});

/** Liveness and readiness in one: 200 when the database answers, 503 "degraded" otherwise. */
export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      { schema: { tags: ['health'], summary: 'Service and database status', response: { 200: ZHealth, 503: ZHealth } } },
      async (_request, reply) => {
        const reachable = await database.ping(1500);
        const payload = { status: reachable ? ('ok' as const) : ('degraded' as const), database: { engine: database.engine, reachable } };
        return reply.status(reachable ? 200 : 503).send(payload);
      },
    );
  };
