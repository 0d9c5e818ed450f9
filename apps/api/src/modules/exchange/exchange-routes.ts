import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IMPORT_MAX_BYTES,
  XLSX_MEDIA_TYPE,
  ZImportDutiesResponse,
  ZImportOrganizationDutiesResponse,
  ZImportQuery,
  ZOrganizationDutiesResponse,
} from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { ExchangeService, ExportFormat } from './exchange-service.ts';
import { importFileFrom } from './import-file.ts';

const tags = ['import-export'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });
const IMPORT_BODY =
  'The file as the raw body — `text/csv` (UTF-8, BOM optional) or `' +
  XLSX_MEDIA_TYPE +
  '` — or JSON `{ "format": "csv" | "xlsx", "contentBase64": "…" }`; at most 5 MB. Columns: docs/import-format.md. ' +
  'All or nothing: any problem answers 400 `import_invalid` with `details.rows: [{ row, column, message }]` for every problem. ' +
  'CSV may be UTF-8 or Shift_JIS. `?profile=kakuninhyo` reads the official 確認表 (Part, 項番, 項目, 内容, 想定されるリスク, 推奨される対応例, ' +
  'ガイドライン等関連部分) 1:1: each item keeps its official number in `kakuninhyoItem` and the sheet order.';

const download = (format: ExportFormat, mediaType: string) => ({
  200: { description: `The matrix as ${format.toUpperCase()}`, content: { [mediaType]: { schema: z.string() } } },
  ...errorResponses(401, 404),
});

/**
 * Who may call: exports — every reader of the engagement; engagement import —
 * the owner; the organization catalog — any user of the organization to read,
 * its admins to import.
 */
export const exchangeRoutes =
  (service: ExchangeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    // Raw file bodies, only in this plugin (the rest of the API takes JSON).
    const keep = (_request: unknown, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body);
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, keep);
    app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, keep);

    for (const [format, mediaType] of [
      ['csv', 'text/csv'],
      ['xlsx', XLSX_MEDIA_TYPE],
    ] as const)
      app.get(
        `/api/v1/engagements/:id/export.${format}`,
        {
          schema: {
            tags,
            security,
            summary: `Export the matrix (責任分担表) as ${format === 'csv' ? 'CSV (UTF-8 with BOM, CRLF)' : 'Excel .xlsx (A4 landscape, one page wide, header repeated, real dates)'}, one row per cell in the catalog's order`,
            params: ZParams,
            response: download(format, mediaType),
          },
        },
        async (request, reply) => {
          const file = await service.exportMatrix(actorOf(request), request.params.id, format);
          return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).header('cache-control', 'no-store')
            // The documented body is a file (typed as a string for OpenAPI); a Buffer skips JSON serialization.
            .send(file.body as unknown as string);
        },
      );

    for (const [format, mediaType] of [
      ['csv', 'text/csv'],
      ['xlsx', XLSX_MEDIA_TYPE],
    ] as const)
      app.get(
        `/api/v1/engagements/:id/duties/export.${format}`,
        {
          schema: {
            tags,
            security,
            summary: `Export the engagement's duties (責任項目) as ${format.toUpperCase()} in exactly the import layout (docs/import-format.md), so the file imports into another engagement as the same duties (readers)`,
            params: ZParams,
            response: {
              200: { description: `The duties as ${format.toUpperCase()}`, content: { [mediaType]: { schema: z.string() } } },
              ...errorResponses(401, 404),
            },
          },
        },
        async (request, reply) => {
          const file = await service.exportDuties(actorOf(request), request.params.id, format);
          return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).header('cache-control', 'no-store')
            .send(file.body as unknown as string);
        },
      );

    app.post(
      '/api/v1/engagements/:id/duties/import',
      {
        schema: {
          tags,
          security,
          summary: 'Import duties (責任項目) into the engagement from CSV or .xlsx (owner); creates their cells',
          description: IMPORT_BODY,
          params: ZParams,
          querystring: ZImportQuery,
          response: { 201: ZImportDutiesResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.importEngagementDuties(actorOf(request), request.params.id, importFileFrom(request.headers['content-type'], request.body), request.query.profile)),
    );

    app.get(
      '/api/v1/organization/duties',
      {
        schema: {
          tags,
          security,
          summary: "The caller's organization's own duty catalog",
          response: { 200: ZOrganizationDutiesResponse, ...errorResponses(401) },
        },
      },
      async (request) => service.listOrganizationDuties(actorOf(request)),
    );

    app.post(
      '/api/v1/organization/duties/import',
      {
        schema: {
          tags,
          security,
          summary: "Import into the organization's own duty catalog (organization admins); existing codes are replaced",
          description: IMPORT_BODY,
          querystring: ZImportQuery,
          response: { 201: ZImportOrganizationDutiesResponse, ...errorResponses(400, 401, 403, 413, 415, 503) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.importOrganizationDuties(actorOf(request), importFileFrom(request.headers['content-type'], request.body), request.query.profile)),
    );
  };
