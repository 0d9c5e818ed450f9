import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSignRequest, ZSignResponse, ZSigningStatementResponse } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../../plugins/auth.ts';
import { errorResponses } from '../../../plugins/schemas.ts';
import type { SignaturesService } from './signatures-service.ts';

const tags = ['sign-off'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });

/**
 * 署名. Who may call: a signatory (署名権限) of the party named in the request,
 * for that party only; other members, other parties' signatories and
 * observers get 403, non-parties 404.
 */
export const signaturesRoutes =
  (service: SignaturesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAuth);

    app.get(
      '/api/v1/revisions/:id/signing-statement',
      {
        schema: {
          tags,
          security,
          summary: 'The exact statement a signatory signs for its party (shown before signing)',
          params: ZParams,
          querystring: z.object({ partyId: z.uuid() }),
          response: { 200: ZSigningStatementResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => service.statement(actorOf(request), request.params.id, request.query.partyId),
    );

    app.post(
      '/api/v1/revisions/:id/signatures',
      {
        schema: {
          tags,
          security,
          summary: 'Sign a frozen revision for your party: re-enter the password and a TOTP code',
          description:
            '401 `invalid_password` / `invalid_totp` (wrong or replayed code) / `totp_required`; 403 `totp_enrollment_required`, `not_a_signatory`, `not_your_party`, `observer_cannot_sign`; 409 `revision_superseded`, `revision_executed`, `already_signed`; 429 after repeated failures. The last party to sign executes the revision.',
          params: ZParams,
          body: ZSignRequest,
          response: { 201: ZSignResponse, ...errorResponses(400, 401, 403, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const userAgent = String(request.headers['user-agent'] ?? '');
        const result = await service.sign(actorOf(request), request.params.id, request.body, { ip: request.ip, userAgent });
        return reply.status(201).send(result);
      },
    );
  };
