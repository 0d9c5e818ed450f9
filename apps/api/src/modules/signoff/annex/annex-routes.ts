import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import { attachment } from '../content-disposition.ts';
import { type AnnexFile, type AnnexService, DOCX_CONTENT_TYPE } from './annex-service.ts';

const tags = ['sign-off'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });
/** `matrix=1` appends the asset × duty matrix (付録); off by default since annex format 2 (it made large annexes hundreds of pages). */
const ZQuery = z.object({ matrix: z.enum(['0', '1']).optional() });
const optionsOf = (q: z.infer<typeof ZQuery>) => ({ includeMatrix: q.matrix === '1' });

const download = (what: string) => ({
  200: { description: what, content: { [DOCX_CONTENT_TYPE]: { schema: z.string() } } },
  ...errorResponses(401, 404, 409, 503),
});

/**
 * 別紙 (SLA annex, .docx). Who may call: every reader of the engagement
 * (owner, members, signatories, observers); anyone else gets 404.
 */
export const annexRoutes =
  (service: AnnexService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);

    const send = (reply: FastifyReply, file: AnnexFile) =>
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        // The documented body is a file (a string for OpenAPI); a Buffer skips serialization.
        .send(file.body as unknown as string);

    app.get(
      '/api/v1/revisions/:id/annex.docx',
      {
        schema: {
          tags,
          security,
          summary: 'The SLA annex (別紙) of a frozen or executed revision, as .docx (readers)',
          description:
            'States exactly what the revision froze (its canonical snapshot) and who signed it; the revision SHA-256 is in the custom property ' +
            '`bunkaiRevisionSha256` and the layout version in `bunkaiAnnexFormat`, so POST /api/v1/verify re-builds and compares it. `?matrix=1` appends the asset × duty matrix. The same revision state always gives the same bytes. ' +
            '503 `annex_busy` / `annex_timeout` when the builders are saturated.',
          params: ZParams,
          querystring: ZQuery,
          response: download('The annex (.docx)'),
        },
      },
      async (request, reply) => send(reply, await service.revisionAnnex(actorOf(request), request.params.id, optionsOf(request.query))),
    );

    app.get(
      '/api/v1/engagements/:id/annex.docx',
      {
        schema: {
          tags,
          security,
          summary: 'A draft SLA annex (草案 DRAFT watermark) of the current matrix, as .docx (readers)',
          description: 'Not frozen, so no revision hash; lists every open finding, blocking ones included.',
          params: ZParams,
          querystring: ZQuery,
          response: download('The draft annex (.docx)'),
        },
      },
      async (request, reply) => send(reply, await service.draftAnnex(actorOf(request), request.params.id, optionsOf(request.query))),
    );
  };
