import { randomBytes } from 'node:crypto';
import {
  type Db,
  deleteWebhook,
  ensureEventCursor,
  eventHeadSeq,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  toWebhook,
  toWebhookDelivery,
  updateWebhook,
} from '@bunkai/db';
import { conflict, notFound } from '@bunkai/domain';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import type { JobQueue } from '../jobs/index.ts';
import { WEBHOOK_CURSOR, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT, type WebhookDispatcher, type WebhookEventType } from './webhook-dispatcher.ts';
import { resolveTarget } from './webhook-target.ts';

type Deps = { db: Db; access: EngagementAccessService; dispatcher: WebhookDispatcher; jobs: JobQueue; allowPrivate: boolean };

export type CreateWebhook = { url: string; description?: string | undefined; events?: WebhookEventType[] | undefined; active?: boolean | undefined };
export type UpdateWebhook = Partial<CreateWebhook> & { version: number };

const PERMISSION = 'webhook:manage';

/** A fresh signing secret: shown once, at creation. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Webhooks (Webフック), managed by the engagement owner. Events are delivered by
 * the dispatcher; this service keeps the endpoints, the delivery log and the test ping.
 */
export const createWebhooksService = ({ db, access, dispatcher, jobs, allowPrivate }: Deps) => {
  const load = async (actor: Actor, engagementId: string, webhookId: string, tx: Db = db) => {
    await access.require(actor, engagementId, PERMISSION, tx);
    const hook = await findWebhook(tx, engagementId, webhookId);
    if (!hook) throw notFound('Webhook', webhookId);
    return hook;
  };

  return {
    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, PERMISSION);
      return { webhooks: (await listWebhooks(db, engagementId)).map(toWebhook) };
    },

    /** The secret is answered here only; later reads never show it. */
    create: async (actor: Actor, engagementId: string, body: CreateWebhook) => {
      await access.require(actor, engagementId, PERMISSION);
      await resolveTarget(body.url, allowPrivate);
      return db.transaction(async (tx) => {
        await access.require(actor, engagementId, PERMISSION, tx);
        const head = await eventHeadSeq(tx, engagementId);
        const secret = newSecret();
        const row = await insertWebhook(tx, {
          engagementId,
          url: body.url,
          description: body.description ?? '',
          events: body.events ?? [...WEBHOOK_EVENT_TYPES],
          active: body.active ?? true,
          secret,
          sinceSeq: head,
          createdByUserId: actor.userId,
        });
        await ensureEventCursor(tx, WEBHOOK_CURSOR, engagementId, head);
        return { webhook: toWebhook(row), secret };
      });
    },

    get: async (actor: Actor, engagementId: string, webhookId: string) => ({ webhook: toWebhook(await load(actor, engagementId, webhookId)) }),

    update: async (actor: Actor, engagementId: string, webhookId: string, body: UpdateWebhook) => {
      await load(actor, engagementId, webhookId);
      if (body.url !== undefined) await resolveTarget(body.url, allowPrivate);
      const { version, ...changes } = body;
      const row = await updateWebhook(db, webhookId, version, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      if (!row) {
        const current = await findWebhook(db, engagementId, webhookId);
        throw conflict('version_conflict', `Webhook ${webhookId} was changed meanwhile; reload it.`, { current: current && toWebhook(current) });
      }
      return { webhook: toWebhook(row) };
    },

    remove: async (actor: Actor, engagementId: string, webhookId: string) => {
      await load(actor, engagementId, webhookId);
      await deleteWebhook(db, webhookId);
    },

    deliveries: async (actor: Actor, engagementId: string, webhookId: string, limit: number) => {
      await load(actor, engagementId, webhookId);
      return { deliveries: (await listDeliveries(db, webhookId, limit)).map(toWebhookDelivery) };
    },

    /** 「テスト送信」: a `webhook.test` delivery through the same signed, retried path as real events. */
    sendTest: async (actor: Actor, engagementId: string, webhookId: string) => {
      const hook = await load(actor, engagementId, webhookId);
      const delivery = await db.transaction((tx) => dispatcher.enqueueDelivery(tx, hook, WEBHOOK_TEST_EVENT, null));
      jobs.wake();
      return { delivery: toWebhookDelivery(delivery) };
    },
  };
};
export type WebhooksService = ReturnType<typeof createWebhooksService>;
