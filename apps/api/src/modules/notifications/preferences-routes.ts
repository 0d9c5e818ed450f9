import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPreferences, ZPreferencesPatch, ZUnsubscribeRequest, forbidden } from '@bunkai/domain';
import { type Db, getPreferences, savePreferences } from '@bunkai/db';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import { unsubscribeToken } from './notifications-dispatcher.ts';

const tags = ['notifications'];
const security = [{ bearer: [] }];

/** Who may call: any signed-in user about their own settings; the unsubscribe link needs no sign-in (its HMAC is the credential). */
export const preferencesRoutes =
  ({ db, secret }: { db: Db; secret: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/me/preferences',
      {
        onRequest: requireAuth,
        schema: { tags, security, summary: '通知設定: digest (immediate | hourly | daily | none), notifyInformational, lang', response: { 200: z.object({ preferences: ZPreferences }), ...errorResponses(401) } },
      },
      async (request) => ({ preferences: await getPreferences(db, actorOf(request).userId) }),
    );
    app.patch(
      '/api/v1/me/preferences',
      {
        onRequest: requireAuth,
        schema: {
          tags,
          security,
          summary: 'Change the caller’s notification settings (omitted fields stay)',
          body: ZPreferencesPatch,
          response: { 200: z.object({ preferences: ZPreferences }), ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const { userId } = actorOf(request);
        await savePreferences(db, userId, request.body);
        return { preferences: await getPreferences(db, userId) };
      },
    );
    app.post(
      '/api/v1/notifications/unsubscribe',
      {
        schema: {
          tags,
          summary: 'The link at the foot of every digest: `{ userId, token }` stops the e-mails (digest becomes `none`); public',
          body: ZUnsubscribeRequest,
          response: { 200: z.object({ preferences: ZPreferences }), ...errorResponses(400, 403) },
        },
      },
      async (request) => {
        const { userId, token } = request.body;
        const expected = Buffer.from(unsubscribeToken(secret, userId), 'hex');
        if (!timingSafeEqual(expected, Buffer.from(token, 'hex'))) throw forbidden('invalid_unsubscribe_token', 'This unsubscribe link is not valid.');
        await savePreferences(db, userId, { digest: 'none' });
        return { preferences: await getPreferences(db, userId) };
      },
    );
  };
