import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATALOG_VERSION, ZCatalogTemplate, catalogDuties, catalogTemplates } from '@bunkai/catalog';
import { ZDutyDefinition } from '@bunkai/domain';

/** The duty catalog and templates: read-only, public (no token needed). */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/catalog/duties',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Duty catalog (責任項目カタログ)',
        response: { 200: z.object({ version: z.string(), duties: z.array(ZDutyDefinition) }) },
      },
    },
    async () => ({ version: CATALOG_VERSION, duties: [...catalogDuties] }),
  );
  app.get(
    '/api/v1/catalog/templates',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Engagement templates with suggested splits',
        response: { 200: z.object({ version: z.string(), templates: z.array(ZCatalogTemplate) }) },
      },
    },
    async () => ({ version: CATALOG_VERSION, templates: [...catalogTemplates] }),
  );
};
