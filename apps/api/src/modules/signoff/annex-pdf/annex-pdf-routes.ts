import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import type { AnnexFile } from '../annex/annex-service.ts';
import { attachment } from '../content-disposition.ts';
import { type AnnexPdfService, PDF_CONTENT_TYPE } from './annex-pdf-service.ts';

const tags = ['sign-off'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

const download = (what: string) => ({
  200: { description: what, content: { [PDF_CONTENT_TYPE]: { schema: z.string() } } },
  ...errorResponses(401, 404, 409, 503),
});

/**
 * 別紙 (SLA annex) as a sealed PDF. Who may call: every reader of the
 * engagement, exactly as for the .docx; anyone else gets 404.
 */
export const annexPdfRoutes =
  (service: AnnexPdfService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    const send = (reply: FastifyReply, file: AnnexFile) =>
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.body as unknown as string);

    app.get(
      '/api/v1/revisions/:id/annex.pdf',
      {
        schema: {
          tags,
          security,
          summary: 'The SLA annex (別紙) of a frozen or executed revision, as a sealed PDF (readers)',
          description:
            'The same content as the .docx, with a signing certificate page (署名証明書), sealed by the platform (PAdES, ETSI.CAdES.detached). ' +
            'The revision SHA-256 is in the document information (`BunkaiRevisionSha256`) and the XMP metadata. The same revision state always gives the same bytes (unless SIGNING_TSA_URL adds an RFC 3161 time-stamp, which differs per build). ' +
            '503 `annex_busy` / `annex_timeout` when the builders are saturated.',
          params: ZParams,
          response: download('The annex (PDF)'),
        },
      },
      async (request, reply) => send(reply, await service.revisionAnnex(actorOf(request), request.params.id)),
    );

    app.get(
      '/api/v1/engagements/:id/annex.pdf',
      {
        schema: {
          tags,
          security,
          summary: 'A draft SLA annex (草案 DRAFT watermark) of the current matrix, as a sealed PDF (readers)',
          description: 'Not frozen, so no revision hash; lists every open finding, blocking ones included.',
          params: ZParams,
          response: download('The draft annex (PDF)'),
        },
      },
      async (request, reply) => send(reply, await service.draftAnnex(actorOf(request), request.params.id)),
    );
  };
