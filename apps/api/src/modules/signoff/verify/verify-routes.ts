import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZVerifyResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import type { VerifyService } from './verify-service.ts';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MEDIA_TYPE = 'application/pdf';
/** Annexes of the largest engagements stay well below this. */
export const VERIFY_MAX_BYTES = 20 * 1024 * 1024;

/** 検証. Who may call: any signed-in user; only revisions of engagements the caller may see can match. */
export const verifyRoutes =
  (service: VerifyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);
    // The annex arrives as the raw body; this parser exists only inside this plugin.
    app.addContentTypeParser([DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE], { parseAs: 'buffer', bodyLimit: VERIFY_MAX_BYTES }, (_request, body, done) => done(null, body));
    // Only JSON exports and annexes are verifiable: any other body answers 415.
    app.removeContentTypeParser('text/plain');

    app.post(
      '/api/v1/verify',
      {
        bodyLimit: VERIFY_MAX_BYTES,
        schema: {
          tags: ['sign-off'],
          security: [{ bearer: [] }],
          summary: 'Verify a revision export (JSON) or an annex (.docx or sealed .pdf) against the revisions you may see',
          description:
            'Body: the JSON from GET /api/v1/revisions/:id/export.json (`application/json`), or the annex as raw bytes (`' +
            DOCX_MEDIA_TYPE +
            '`), or a sealed PDF annex (`application/pdf`, recognized by its %PDF- header), at most 20 MB. `verdict`: JSON — the hash is recomputed from `canonical` (`exact`, or `content_differs` when any byte was altered). ' +
            '.docx — the revision is found by its hash (custom property bunkaiRevisionSha256), its annex is re-built with the format the document records ' +
            '(bunkaiAnnexFormat) and compared: `exact` (same bytes), `same_content` (re-saved; same visible text cell by cell), `content_differs` (with `differences`: section, item, column, expected, found). ' +
            'PDF — the revision hash is read from the sealed document information; the platform seal must hold (`reason: seal_invalid` otherwise: a changed byte, appended bytes, a foreign certificate), ' +
            'and the sealed bytes are compared with the annex the server builds for that revision now (`exact`, `same_content` when only the seal signature differs, `content_differs`); `pdf` details the checks. ' +
            'Also `unknown_revision`, `not_an_annex`. `standing` says what the revision is worth today; `match` is false for superseded and void revisions. `checks` lists what was checked.',
          response: { 200: ZVerifyResponse, ...errorResponses(400, 401, 413, 415, 503) },
        },
      },
      async (request) => service.verify(actorOf(request), request.body),
    );
  };
