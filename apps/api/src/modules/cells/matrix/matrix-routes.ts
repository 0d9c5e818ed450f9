import negotiate from '@fastify/accept-negotiator';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZCellDetailResponse, ZMatrixCompactResponse, ZMatrixQuery, ZMatrixResponse, ZProgressResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses, typedJsonSerializer } from '../../../plugins/schemas.ts';
import type { ContentCoding } from './matrix-cache.ts';
import type { MatrixService } from './matrix-service.ts';

const tags = ['matrix'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

/**
 * The coding @fastify/compress would choose for this request (br, then gzip; `*` and x-gzip mean gzip),
 * so that the compact matrix can be compressed once per version instead of once per request.
 */
const codingOf = (request: FastifyRequest): ContentCoding => {
  const header = request.headers['accept-encoding'];
  if (header === undefined || request.headers['x-no-compression'] !== undefined) return 'identity';
  return negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), ['br', 'gzip']) ?? 'identity';
};

/** Who may call: every reader of the engagement (owner, member, signatory, observer); non-parties get 404. */
export const matrixRoutes =
  (service: MatrixService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements/:id/cells',
      {
        schema: {
          tags,
          security,
          summary: 'The whole matrix (分担表) in 確認表 order, filterable by party, phase, category, status, asset, finding; view=mine for "what is asked of us"',
          params: ZParams,
          querystring: ZMatrixQuery,
          response: { 200: ZMatrixResponse, ...errorResponses(400, 401, 403, 404) },
        },
        // The ~3,600-cell body (reference engagement) goes straight to JSON.
        ...typedJsonSerializer,
      },
      async (request) => service.list(actorOf(request), request.params.id, request.query),
    );
    app.get(
      '/api/v1/engagements/:id/cells/compact',
      {
        schema: {
          tags,
          security,
          summary:
            'The same matrix as /cells, columnar: one array per cell field with each field\'s distinct values sent once (format bunkai.matrix.compact/1; decodeMatrix in @bunkai/domain)',
          params: ZParams,
          querystring: ZMatrixQuery,
          response: { 200: ZMatrixCompactResponse, ...errorResponses(400, 401, 403, 404) },
        },
        ...typedJsonSerializer,
      },
      async (request, reply) => {
        const coding = codingOf(request);
        const body = await service.listCompact(actorOf(request), request.params.id, request.query, coding);
        if (typeof body === 'object' && !Buffer.isBuffer(body)) return body;
        // Already encoded (and compressed when it is a Buffer): sent as is, the compression plugin skips it.
        // (The untyped reply: the typed one accepts only the schema's object, not its bytes.)
        const raw: FastifyReply = reply;
        raw.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
        if (Buffer.isBuffer(body)) raw.header('content-encoding', coding);
        return raw.send(body);
      },
    );
    app.get(
      '/api/v1/cells/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One cell with its open proposal, finding codes, duty, asset and comment count',
          params: ZParams,
          response: { 200: ZCellDetailResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/engagements/:id/progress',
      {
        schema: {
          tags,
          security,
          summary: 'Progress: cells per status, 初回確認 / 完了日 recorded, and per party (roles held, agreed, acceptances pending)',
          params: ZParams,
          response: { 200: ZProgressResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.progress(actorOf(request), request.params.id),
    );
  };
