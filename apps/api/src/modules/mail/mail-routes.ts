import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMailboxMessage } from '@bunkai/domain';
import { errorResponses } from '../../plugins/schemas.ts';
import type { MailService } from './mail-service.ts';

/**
 * The development mailbox (開発用メールボックス): only registered when no SMTP server is
 * configured and NODE_ENV is not production, so the embedded demo can follow an
 * invitation without a mail server. It needs no sign-in: an invitee has no account yet.
 */
export const devMailboxRoutes =
  (service: MailService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/dev/mailbox',
      {
        schema: {
          tags: ['dev'],
          summary: 'Messages the app would have e-mailed (development only, without SMTP_URL): newest first, optionally for one recipient',
          querystring: z.object({ to: z.string().max(320).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ messages: z.array(ZMailboxMessage) }), ...errorResponses(400) },
        },
      },
      async (request) => service.mailbox(request.query),
    );
  };
