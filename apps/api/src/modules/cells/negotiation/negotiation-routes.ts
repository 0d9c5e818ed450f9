import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptRequest,
  ZBulkAcceptRequest,
  ZBulkAcceptResponse,
  ZBulkProposeRequest,
  ZBulkProposeResponse,
  ZCellHistoryResponse,
  ZComment,
  ZCommentsResponse,
  ZCreateCommentRequest,
  ZProposalMutationResponse,
  ZProposeRequest,
  ZRejectRequest,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses, typedJsonSerializer } from '../../../plugins/schemas.ts';
import type { CommentsService } from '../comments/comments-service.ts';
import type { NegotiationService } from './negotiation-service.ts';
import type { createBulkProposals } from './bulk-service.ts';
import type { createBulkAccept } from './bulk-accept-service.ts';

const tags = ['negotiation'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });
const mutation = { 200: ZProposalMutationResponse, ...errorResponses(400, 401, 403, 404, 409) };

type Services = {
  negotiation: NegotiationService;
  comments: CommentsService;
  bulk: ReturnType<typeof createBulkProposals>;
  bulkAccept: ReturnType<typeof createBulkAccept>;
};

/**
 * Who may call: writers (owner, member, signatory) for every mutation, always
 * for their own party — no body names a party to act for; readers (observers
 * too) for comments and history. Non-parties get 404, observers 403 on writes.
 */
export const negotiationRoutes =
  ({ negotiation, comments, bulk, bulkAccept }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.post(
      '/api/v1/cells/:id/proposals',
      {
        schema: {
          tags,
          security,
          summary: '提案: propose an assignment for the caller’s party, or counter the open proposal (send the cell version you saw)',
          params: ZParams,
          body: ZProposeRequest,
          response: { 201: ZProposalMutationResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
        ...typedJsonSerializer,
      },
      async (request, reply) => reply.status(201).send(await negotiation.propose(actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/api/v1/proposals/:id/accept',
      {
        schema: { tags, security, summary: '承諾: accept for the caller’s party; agrees the cell when the acceptance rule is met', params: ZParams, body: ZAcceptRequest.nullish(), response: mutation },
        ...typedJsonSerializer,
      },
      async (request) => negotiation.respond(actorOf(request), request.params.id, 'accept', request.body?.reason ?? ''),
    );
    app.post(
      '/api/v1/proposals/:id/reject',
      {
        schema: { tags, security, summary: '却下: reject with a reason for the caller’s party; a required party disputes the cell', params: ZParams, body: ZRejectRequest, response: mutation },
        ...typedJsonSerializer,
      },
      async (request) => negotiation.respond(actorOf(request), request.params.id, 'reject', request.body.reason),
    );
    app.post(
      '/api/v1/proposals/:id/withdraw',
      {
        schema: { tags, security, summary: '取下げ: the proposer’s party (the owner for template suggestions) withdraws its open proposal', params: ZParams, response: mutation },
        ...typedJsonSerializer,
      },
      async (request) => negotiation.withdraw(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/engagements/:id/cells/bulk-proposals',
      {
        schema: {
          tags,
          security,
          summary: '一括提案: the same split for many cells in one all-or-nothing transaction',
          params: ZParams,
          body: ZBulkProposeRequest,
          response: { 200: ZBulkProposeResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => bulk(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/engagements/:id/proposals/accept',
      {
        schema: {
          tags,
          security,
          summary:
            '一括承諾: accept for the caller’s party the open proposals of `{ cellIds }`, or of every cell matching `{ filter }` (the matrix filters) that waits for its consent; per cell `agreed`, `waiting` (pendingFrom) or `refused` (code, message) — each cell on its own, under the same consent rules as a single accept',
          params: ZParams,
          body: ZBulkAcceptRequest,
          response: { 200: ZBulkAcceptResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => bulkAccept(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/cells/:id/comments',
      { schema: { tags, security, summary: 'Comments on a cell, oldest first', params: ZParams, response: { 200: ZCommentsResponse, ...errorResponses(400, 401, 404) } } },
      async (request) => comments.list(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/cells/:id/comments',
      {
        schema: {
          tags,
          security,
          summary: 'Comment on a cell for the caller’s party',
          params: ZParams,
          body: ZCreateCommentRequest,
          response: { 201: z.object({ comment: ZComment }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await comments.create(actorOf(request), request.params.id, request.body.body)),
    );
    app.get(
      '/api/v1/cells/:id/history',
      {
        schema: {
          tags,
          security,
          summary: 'Full history of a cell: proposals with responses, comments, review changes and its events',
          params: ZParams,
          response: { 200: ZCellHistoryResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => comments.history(actorOf(request), request.params.id),
    );
  };
