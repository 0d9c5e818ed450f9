import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@bunkai/db';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
});
const ZLive = z.object({ status: z.literal('ok') });
const ZReady = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
  /** The LISTEN connection live updates (SSE) depend on. */
  listen: z.object({ connected: z.boolean() }),
});

const PING_TIMEOUT_MS = 1500;

/**
 * Three probes, for three questions:
 * - /api/health/live — is the process serving HTTP at all? Never touches the
 *   database, so a database blip does not get every instance restarted;
 * - /api/health/ready — should this instance get traffic? The database answers
 *   and the LISTEN connection is up (503 otherwise; also 503 while shutting down);
 * - /api/health — the original combined status, kept for existing monitors.
 * Who may call: anyone (no data).
 */
export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {

    app.get('/api/health/live', { schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: ZLive } } }, async () => ({
      status: 'ok' as const,
    }));

    app.get(
      '/api/health/ready',
      { schema: { tags: ['health'], summary: 'Readiness: database reachable and LISTEN connected', response: { 200: ZReady, 503: ZReady } } },
      async (_request, reply) => {
        const reachable = await database.ping(PING_TIMEOUT_MS);
        const connected = database.listening();
        // From SIGTERM on, requests still reaching this instance are served (app.ts), but it is no longer ready.
        const ready = reachable && connected && !app.isDraining();
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not_ready',
          database: { engine: database.engine, reachable },
          listen: { connected },
        });
      },
    );

    app.get(
      '/api/health',
      { schema: { tags: ['health'], summary: 'Service and database status', response: { 200: ZHealth, 503: ZHealth } } },
      async (_request, reply) => {
        const reachable = await database.ping(PING_TIMEOUT_MS);
        const payload = { status: reachable ? ('ok' as const) : ('degraded' as const), database: { engine: database.engine, reachable } };
        return reply.status(reachable ? 200 : 503).send(payload);
      },
    );
  };
