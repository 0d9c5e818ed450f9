import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZApplicabilityRequest, ZCellResponse, ZReviewRequest } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import type { ReviewService } from './review-service.ts';

const tags = ['review'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

/** Who may call: review — writers (owner, member, signatory); applicability — the engagement owner. */
export const reviewRoutes =
  (service: ReviewService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.patch(
      '/api/v1/cells/:id/review',
      {
        schema: {
          tags,
          security,
          summary: '初回確認 (はい/いいえ + date; the date defaults to today) and 完了日 of a cell (send the cell version you saw)',
          params: ZParams,
          body: ZReviewRequest,
          response: { 200: ZCellResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.review(actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/api/v1/cells/:id/applicability',
      {
        schema: {
          tags,
          security,
          summary: '対象外: mark one cell not applicable (reason required) or reopen it (owner)',
          params: ZParams,
          body: ZApplicabilityRequest,
          response: { 200: ZCellResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.applicability(actorOf(request), request.params.id, request.body),
    );
  };
