import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditEventsPage, ZAuditEventsQuery } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import { attachment } from '../exchange/index.ts';
import { type AuditRecord, CSV_BOM, csvHeader, toCsvRow, toJsonLine } from './audit-format.ts';
import type { AuditService } from './audit-service.ts';

const tags = ['sign-off'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

const FORMATS = {
  jsonl: { mediaType: 'application/x-ndjson; charset=utf-8', prefix: '', line: toJsonLine },
  csv: { mediaType: 'text/csv; charset=utf-8', prefix: CSV_BOM + csvHeader(), line: toCsvRow },
} as const;

async function* lines(prefix: string, records: AsyncIterable<AuditRecord>, line: (r: AuditRecord) => string): AsyncGenerator<string> {
  if (prefix) yield prefix;
  for await (const r of records) yield line(r);
}

/**
 * 監査証跡のダウンロード. Who may call: every reader of the engagement,
 * observers (auditors, procurement) included.
 */
export const auditRoutes =
  (service: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);

    app.get(
      '/api/v1/engagements/:id/audit/events',
      {
        schema: {
          tags,
          security,
          summary: '監査証跡 on screen: events newest first, filtered by cell, acting party, event type (a trailing dot matches the family) and UTC day (readers)',
          params: ZParams,
          querystring: ZAuditEventsQuery,
          response: { 200: ZAuditEventsPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => service.listEvents(actorOf(request), request.params.id, request.query),
    );

    for (const [format, spec] of Object.entries(FORMATS) as [keyof typeof FORMATS, (typeof FORMATS)[keyof typeof FORMATS]][])
      app.get(
        `/api/v1/engagements/:id/audit.${format}`,
        {
          schema: {
            tags,
            security,
            summary:
              format === 'csv'
                ? 'The audit trail as CSV (UTF-8 with BOM): events, signatures, then the chain verification (readers)'
                : 'The audit trail as JSON lines: events, signatures, then the chain verification (readers)',
            params: ZParams,
            response: {
              200: { description: `The audit trail (${format})`, content: { [spec.mediaType.split(';')[0]!]: { schema: z.string() } } },
              ...errorResponses(401, 404),
            },
          },
        },
        async (request, reply) => {
          const { engagement, records } = await service.open(actorOf(request), request.params.id);
          return reply
            .header('content-type', spec.mediaType)
            .header('content-disposition', attachment(`bunkai-audit-${engagement.id}.${format}`))
            .header('cache-control', 'no-store')
            .send(Readable.from(lines(spec.prefix, records, spec.line)) as unknown as string);
        },
      );
  };
