import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChangesSinceSignedResponse,
  ZRevisionDiffResponse,
  ZRevisionExport,
  ZRevisionResponse,
  ZRevisionView,
  ZRevisionsResponse,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import { attachment } from '../content-disposition.ts';
import type { RevisionsService } from './revisions-service.ts';

const tags = ['sign-off'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZRevisionParams = z.object({ id: z.uuid() });

/**
 * 版 (revisions). Who may call: freeze — the engagement owner; every read —
 * the engagement's readers (owner, members, signatories, observers).
 */
export const revisionsRoutes =
  (service: RevisionsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);

    app.post(
      '/api/v1/engagements/:id/revisions',
      {
        schema: {
          tags,
          security,
          summary: 'Freeze the matrix into revision N+1 (凍結; owner)',
          description:
            'Refused with 409 `freeze_blocked` (details: blockingFindings, openCells, unjoinedParties, totals) while anything is unsettled, and 409 `no_changes` when the matrix equals the latest frozen or executed revision.',
          params: ZEngagementParams,
          response: { 201: z.object({ revision: ZRevisionView }), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.freeze(actorOf(request), request.params.id)),
    );

    app.get(
      '/api/v1/engagements/:id/revisions',
      {
        schema: {
          tags,
          security,
          summary: 'Revisions with their signatures, and the draft N+1 when the matrix changed since the latest (readers)',
          params: ZEngagementParams,
          response: { 200: ZRevisionsResponse, ...errorResponses(401, 404) },
        },
      },
      async (request) => service.list(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/engagements/:id/changes-since-signed',
      {
        schema: {
          tags,
          security,
          summary: "What changed in a party's cells since it last signed (readers; default: the caller's party)",
          params: ZEngagementParams,
          querystring: z.object({ partyId: z.uuid().optional() }),
          response: { 200: ZChangesSinceSignedResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.changesSinceSigned(actorOf(request), request.params.id, request.query.partyId),
    );

    app.get(
      '/api/v1/revisions/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One revision with its signatures (each valid for its revision number) (readers)',
          params: ZRevisionParams,
          response: { 200: ZRevisionResponse, ...errorResponses(401, 404) },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/revisions/:id/export.json',
      {
        schema: {
          tags,
          security,
          summary: 'The revision as a self-verifying JSON document (format bunkai-revision/1) (readers)',
          params: ZRevisionParams,
          response: { 200: ZRevisionExport, ...errorResponses(401, 404) },
        },
      },
      async (request, reply) => {
        const doc = await service.exportJson(actorOf(request), request.params.id);
        return reply.header('content-disposition', attachment(`bunkai-revision-${doc.number}-${doc.sha256.slice(0, 12)}.json`)).send(doc);
      },
    );

    app.get(
      '/api/v1/revisions/:id/diff',
      {
        schema: {
          tags,
          security,
          summary: 'Differences from another revision of the same engagement (`against`, before) to this one (after) (readers)',
          params: ZRevisionParams,
          querystring: z.object({ against: z.uuid() }),
          response: { 200: ZRevisionDiffResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.diff(actorOf(request), request.params.id, request.query.against),
    );
  };
