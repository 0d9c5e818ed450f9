import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAddDutiesRequest,
  ZAdoptCatalogUpgradeRequest,
  ZAdoptCatalogUpgradeResponse,
  ZCatalogUpgradeResponse,
  ZDuty,
  ZDutiesAddedResponse,
  ZDutiesResponse,
  ZDutyUpdatedResponse,
  ZEditDutyRequest,
  ZUpdateDutyRequest,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { CatalogUpgrade } from './catalog-upgrade.ts';
import type { DutiesService } from './duties-service.ts';

const tags = ['duties'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZDutyParams = z.object({ dutyId: z.uuid() });

/** 責任項目. Who may call: readers list; the owner adds, edits, reorders duties and marks them not applicable. */
export const dutiesRoutes =
  (service: DutiesService, upgrade: CatalogUpgrade): FastifyPluginAsyncZod =>
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
            "Add duties from the current catalog (`{ catalogCodes }`), from the caller's organization's own catalog (`{ organizationCodes }`, e.g. an imported official 確認表, keeping its order and `kakuninhyoItem`) or one custom duty (`{ custom }`), with their cells for the existing assets (owner; 400 unknown_duty, 409 duty_exists)",
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
    app.get(
      '/api/v1/engagements/:id/catalog-upgrade',
      {
        schema: {
          tags,
          security,
          summary:
            'カタログ更新: what the newest catalog version adds, changes or withdraws for this engagement, duty by duty with the catalog’s reasons; custom and imported duties are never included (readers)',
          params: ZEngagementParams,
          response: { 200: ZCatalogUpgradeResponse, ...errorResponses(401, 404) },
        },
      },
      async (request) => upgrade.preview(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/engagements/:id/catalog-upgrade/adopt',
      {
        schema: {
          tags,
          security,
          summary:
            'Adopt catalog changes duty by duty (owner): added duties get unassigned cells, changed duties take the new text and their agreed cells are proposed again for re-acceptance, withdrawn duties become 対象外; 409 duty_under_negotiation while a duty has an open proposal',
          params: ZEngagementParams,
          body: ZAdoptCatalogUpgradeRequest,
          response: { 200: ZAdoptCatalogUpgradeResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => upgrade.adopt(actorOf(request), request.params.id, request.body.dutyCodes),
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
