import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZVersion, ZWebhook, ZWebhookDelivery, ZWebhookFields } from '@bunkai/domain';
import { actorOf, requireAuth } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/schemas.ts';
import type { WebhooksService } from './webhooks-service.ts';

const tags = ['webhooks'];
const security = [{ bearer: [] }];
const ZParams = z.object({ id: z.uuid() });
const ZHookParams = z.object({ id: z.uuid(), webhookId: z.uuid() });

/** Webhooks of one engagement (owner only): endpoints, their delivery log and a test ping. */
export const webhooksRoutes =
  (service: WebhooksService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/v1/engagements/:id/webhooks';
    const common = { onRequest: requireAuth };
    app.get(
      base,
      { ...common, schema: { tags, security, summary: 'List the webhooks (owner; secrets are never listed)', params: ZParams, response: { 200: z.object({ webhooks: z.array(ZWebhook) }), ...errorResponses(401, 403, 404) } } },
      async (request) => service.list(actorOf(request), request.params.id),
    );
    app.post(
      base,
      {
        ...common,
        schema: {
          tags,
          security,
          summary:
            'Add a webhook (owner). Answers the signing secret once. Deliveries are POSTs with `Bunkai-Signature: <timestamp>.<hex>`, hex = HMAC-SHA256(secret, `<timestamp>.<body>`). 400 webhook_target_refused for loopback, link-local or private targets',
          params: ZParams,
          body: ZWebhookFields,
          response: { 201: z.object({ webhook: ZWebhook, secret: z.string().max(200) }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      `${base}/:webhookId`,
      { ...common, schema: { tags, security, summary: 'One webhook (owner)', params: ZHookParams, response: { 200: z.object({ webhook: ZWebhook }), ...errorResponses(401, 403, 404) } } },
      async (request) => service.get(actorOf(request), request.params.id, request.params.webhookId),
    );
    app.patch(
      `${base}/:webhookId`,
      {
        ...common,
        schema: {
          tags,
          security,
          summary: 'Change a webhook (owner): url, description, events, active; `version` as read',
          params: ZHookParams,
          body: ZWebhookFields.partial().extend({ version: ZVersion }),
          response: { 200: z.object({ webhook: ZWebhook }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.params.webhookId, request.body),
    );
    app.delete(
      `${base}/:webhookId`,
      { ...common, schema: { tags, security, summary: 'Delete a webhook and its delivery log (owner)', params: ZHookParams, response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) } } },
      async (request, reply) => {
        await service.remove(actorOf(request), request.params.id, request.params.webhookId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      `${base}/:webhookId/deliveries`,
      {
        ...common,
        schema: {
          tags,
          security,
          summary: 'Delivery log (owner): newest first, with attempts, last HTTP status and error',
          params: ZHookParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ deliveries: z.array(ZWebhookDelivery) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => service.deliveries(actorOf(request), request.params.id, request.params.webhookId, request.query.limit),
    );
    app.post(
      `${base}/:webhookId/test`,
      {
        ...common,
        schema: {
          tags,
          security,
          summary: 'Send a signed `webhook.test` delivery now (owner); follow it in the delivery log',
          params: ZHookParams,
          response: { 202: z.object({ delivery: ZWebhookDelivery }), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.status(202).send(await service.sendTest(actorOf(request), request.params.id, request.params.webhookId)),
    );
  };
