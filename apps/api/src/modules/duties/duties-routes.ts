import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAddDutiesRequest, ZDuty, ZDutiesAddedResponse, ZDutiesResponse, ZDutyUpdatedResponse, ZEditDutyRequest, ZUpdateDutyRequest } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { DutiesService } from './duties-service.ts';

const tags = ['duties'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZDutyParams = z.object({ dutyId: z.uuid() });

/** 責任項目. Who may call: readers list; the owner adds, edits, reorders duties and marks them not applicable. */
export const dutiesRoutes =
  (service: DutiesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements/:id/duties',
      {
        schema: {
          tags,
          security,
          summary: "The engagement's duties (責任項目) in 確認表 order: Part1, Part2, then sort key and code (readers)",
          params: ZEngagementParams,
          response: { 200: ZDutiesResponse, ...errorResponses(401, 404) },
        },
      },
      async (request) => service.list(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/engagements/:id/duties',
      {
        schema: {
          tags,
          security,
          summary:
            'Add duties from the current catalog (`{ catalogCodes }`; 400 unknown_duty, 409 duty_exists) or one custom duty (`{ custom }`), with their cells for the existing assets (owner)',
          params: ZEngagementParams,
          body: ZAddDutiesRequest,
          response: { 201: ZDutiesAddedResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.add(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/v1/duties/:dutyId',
      {
        schema: {
          tags,
          security,
          summary:
            'Mark a duty not applicable (対象外) with a reason — its cells that are not agreed follow and their open proposals are withdrawn — or reopen it (owner; send the version you saw)',
          params: ZDutyParams,
          body: ZUpdateDutyRequest,
          response: { 200: ZDutyUpdatedResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.update(actorOf(request), request.params.dutyId, request.body),
    );
    app.patch(
      '/api/v1/duties/:dutyId/definition',
      {
        schema: {
          tags,
          security,
          summary: "Edit a duty's title or description, or move it inside its 確認表 part with `order` (owner; send the version you saw)",
          params: ZDutyParams,
          body: ZEditDutyRequest,
          response: { 200: z.object({ duty: ZDuty }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.edit(actorOf(request), request.params.dutyId, request.body),
    );
  };
