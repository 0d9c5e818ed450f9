import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAssetUpdatedResponse, ZAssetsCreatedResponse, ZAssetsResponse, ZCreateAssetsRequest, ZUpdateAssetRequest } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { AssetsService } from './assets-service.ts';

const tags = ['assets'];
const security = [{ bearer: [] }];
const ZEngagementParams = z.object({ id: z.uuid() });
const ZAssetParams = z.object({ assetId: z.uuid() });

/** 対象資産. Who may call: readers list; writers (owner, member, signatory) create and edit; the owner deletes. */
export const assetsRoutes =
  (service: AssetsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    app.get(
      '/api/v1/engagements/:id/assets',
      { schema: { tags, security, summary: 'Assets (対象資産) of an engagement (readers)', params: ZEngagementParams, response: { 200: ZAssetsResponse, ...errorResponses(401, 404) } } },
      async (request) => service.list(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/engagements/:id/assets',
      {
        schema: {
          tags,
          security,
          summary: 'Create one asset, or `{ assets: [...] }` (up to 1000, all or nothing), with the cells of every applicable duty (writers)',
          params: ZEngagementParams,
          body: ZCreateAssetsRequest,
          response: { 201: ZAssetsCreatedResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/v1/assets/:assetId',
      {
        schema: {
          tags,
          security,
          summary: 'Update an asset (writers; send the version you saw). A category change re-plans its cells; 409 asset_in_use when a dropped cell is agreed or proposed',
          params: ZAssetParams,
          body: ZUpdateAssetRequest,
          response: { 200: ZAssetUpdatedResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.update(actorOf(request), request.params.assetId, request.body),
    );
    app.delete(
      '/api/v1/assets/:assetId',
      {
        schema: {
          tags,
          security,
          summary: 'Delete an asset and its cells (owner); 409 asset_in_use while a cell is agreed or has an open proposal',
          params: ZAssetParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.remove(actorOf(request), request.params.assetId);
        return reply.status(204).send(null);
      },
    );
  };
