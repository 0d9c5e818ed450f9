import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZChainVerification, ZEventStreamQuery, ZEventsPage, ZEventsQuery, unavailable, validationError } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { EventBus } from './event-bus.ts';
import type { EventsService } from './events-service.ts';

const tags = ['events'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx and similar proxies must not buffer the stream
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** The stream resumes after `Last-Event-ID` (browser reconnects) or else `?after=`, else from the beginning. */
const resumePoint = (header: string | string[] | undefined, after: number | undefined): number => {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return after ?? 0;
  if (!/^\d{1,15}$/.test(value.trim())) throw validationError('invalid_last_event_id', `Last-Event-ID must be an event seq (a non-negative integer), not "${value.slice(0, 40)}".`);
  return Number(value.trim());
};

/** Who may call: every reader of the engagement (owner, member, signatory, observer); others get 404. */
export const eventsRoutes =
  (service: EventsService, bus: EventBus): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);

    app.get(
      '/api/v1/engagements/:id/events',
      {
        schema: {
          tags,
          security,
          summary: 'The hash-chained event log (イベントログ), oldest first, paged by seq',
          params: ZParams,
          querystring: ZEventsQuery,
          response: { 200: ZEventsPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.list(actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/v1/engagements/:id/events/verify',
      {
        schema: {
          tags,
          security,
          summary: 'Recompute the hash chain and report the first broken link (改ざん検知)',
          params: ZParams,
          response: { 200: ZChainVerification, ...errorResponses(401, 404) },
        },
      },
      async (request) => service.verify(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/engagements/:id/events/stream',
      {
        // A compressor would hold events back until its buffer fills; the stream is tiny anyway.
        compress: false,
        schema: {
          tags,
          security,
          summary: 'Live updates as Server-Sent Events; resumes after Last-Event-ID (or ?after=)',
          description:
            'Each event is sent as `id: <seq>`, `event: <type>`, `data: <event JSON>`; a `: keepalive` comment every 15 s. ' +
            'The stream ends when the access token expires; reconnect with a fresh token and Last-Event-ID.',
          params: ZParams,
          querystring: ZEventStreamQuery,
          response: {
            200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
            ...errorResponses(400, 401, 404, 503),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const engagementId = request.params.id;
        await service.authorizeStream(actor, engagementId);
        const after = resumePoint(request.headers['last-event-id'], request.query.after);
        if (!bus.accepting) throw unavailable('stream_unavailable', 'Live updates are not available right now (the server is starting or shutting down); retry shortly.');

        reply.hijack();
        const raw = reply.raw;
        // Headers other hooks set on the reply (CORS, security) still apply to the hijacked response.
        const inherited = Object.entries(reply.getHeaders()).filter((e): e is [string, string | number | string[]] => e[1] !== undefined);
        raw.writeHead(200, { ...Object.fromEntries(inherited), ...SSE_HEADERS });
        raw.write('retry: 3000\n\n');
        const write = (chunk: string) =>
          new Promise<void>((resolve) => {
            if (raw.destroyed || raw.writableEnded) return resolve();
            if (raw.write(chunk)) return resolve();
            const done = () => {
              raw.off('drain', done);
              raw.off('close', done);
              resolve();
            };
            raw.once('drain', done);
            raw.once('close', done);
          });
        const end = () => {
          if (!raw.writableEnded) raw.end();
        };
        const unsubscribe = bus.subscribe(engagementId, after, { write, end });
        // A stream must not outlive the token that opened it.
        const exp = (request.user as { exp?: number } | undefined)?.exp;
        const expiry = exp ? setTimeout(end, Math.min(2 ** 31 - 1, Math.max(0, exp * 1000 - Date.now()))) : undefined;
        expiry?.unref();
        raw.once('close', () => {
          unsubscribe();
          clearTimeout(expiry);
        });
      },
    );
  };
