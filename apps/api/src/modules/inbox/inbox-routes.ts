import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { INBOX_PAGE_MAX, ZInboxCountsQuery, ZInboxCountsResponse, ZInboxQuery, ZInboxResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses, typedJsonSerializer } from '../../plugins/schemas.ts';
import type { InboxService } from './inbox-service.ts';

/** Who may call: any signed-in user, about their own parties. */
export const inboxRoutes =
  (service: InboxService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/me/inbox',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['inbox'],
          security: [{ bearer: [] }],
          summary:
            "受信箱: what waits for the caller's party — proposals waiting for its consent, its unsettled (unassigned or disputed) cells, unanswered comments, signatures, 完了予定日 near or past, いいえ without a target date — with counts in total, per kind and per engagement; `?engagementId=` for one engagement. The items come one page at a time: `limit` (default and at most " +
            `${INBOX_PAGE_MAX}) from \`offset\`, \`nextOffset\` for the next page (null: the last); the counts alone: GET /me/inbox/counts`,
          querystring: ZInboxQuery,
          response: { 200: ZInboxResponse, ...errorResponses(400, 401, 404) },
        },
        // Thousands of items at a large engagement (1.6 MB at the reference size): the service's typed
        // answer goes straight to JSON instead of through a second zod pass (as the matrix does).
        ...typedJsonSerializer,
      },
      async (request) => service.inbox(actorOf(request), request.query),
    );

    app.get(
      '/api/v1/me/inbox/counts',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['inbox'],
          security: [{ bearer: [] }],
          summary: '受信箱 counts only (in total, per kind and per engagement), without the items: what the header shows; `?engagementId=` for one engagement',
          querystring: ZInboxCountsQuery,
          response: { 200: ZInboxCountsResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.counts(actorOf(request), request.query),
    );
  };
