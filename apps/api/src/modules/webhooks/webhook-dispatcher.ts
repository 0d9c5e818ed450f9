import { randomUUID } from 'node:crypto';
import {
  type Db,
  type EventRow,
  type WebhookRow,
  activeWebhooksOf,
  findDelivery,
  findWebhookById,
  insertDelivery,
  lockLaggingCursors,
  moveEventCursor,
  readEventsForDispatch,
  recordDeliveryAttempt,
} from '@bunkai/db';
import { WEBHOOK_EVENT_TYPES, type TWebhookEventType } from '@bunkai/domain';
import type { Clock } from '../../platform/clock.ts';
import { type JobQueue, PermanentJobError } from '../jobs/index.ts';
import { postPinned, resolveTarget, signWebhook } from './webhook-target.ts';

export const WEBHOOK_JOB = 'webhook.deliver';
export const WEBHOOK_CURSOR = 'webhooks';

export { WEBHOOK_EVENT_TYPES };
export type WebhookEventType = TWebhookEventType;
export const WEBHOOK_TEST_EVENT = 'webhook.test';

type Deps = { db: Db; jobs: JobQueue; clock: Clock; allowPrivate: boolean; timeoutMs?: number };

/** The JSON every delivery carries; `id` is the delivery's id, stable across retries (receivers de-duplicate on it). */
export const webhookBody = (id: string, engagementId: string, type: string, event: EventRow | null, at: string) =>
  JSON.stringify({
    id,
    type,
    engagementId,
    createdAt: at,
    event: event && {
      seq: event.seq,
      type: event.type,
      at: event.at,
      actorUserId: event.actorUserId,
      actorPartyId: event.actorPartyId,
      subjectId: event.subjectId,
      payload: event.payload,
      hash: event.hash,
    },
  });

/**
 * The outbox dispatcher and the delivery job. Each tick, a dispatcher locks the
 * `webhooks` cursors of engagements whose event log moved on (SKIP LOCKED: one
 * dispatcher per engagement at a time), turns the new events into delivery rows and
 * jobs, and moves the cursor — all in one transaction, so each event becomes one
 * delivery per webhook whichever instance dispatched it. The writers of events need
 * not know webhooks exist.
 */
export const createWebhookDispatcher = ({ db, jobs, clock, allowPrivate, timeoutMs = 10_000 }: Deps) => {
  const enqueueDelivery = async (tx: Db, hook: WebhookRow, type: string, event: EventRow | null) => {
    const id = randomUUID();
    const delivery = await insertDelivery(tx, { id, webhookId: hook.id, eventType: type, eventSeq: event?.seq ?? null, body: webhookBody(id, hook.engagementId, type, event, clock.now().toISOString()) });
    await jobs.enqueue({ kind: WEBHOOK_JOB, payload: { deliveryId: delivery.id }, uniqueKey: `webhook:${delivery.id}` }, tx);
    return delivery;
  };

  /** One engagement's new events into deliveries; false when nothing was locked (another dispatcher has it). */
  const dispatchOnce = async (limit = 20, batch = 200): Promise<number> =>
    db.transaction(async (tx) => {
      const cursors = await lockLaggingCursors(tx, WEBHOOK_CURSOR, limit);
      let created = 0;
      for (const c of cursors) {
        const { events, reached } = await readEventsForDispatch(tx, c.engagementId, c.seq, WEBHOOK_EVENT_TYPES, batch);
        const hooks = events.length ? await activeWebhooksOf(tx, c.engagementId) : [];
        for (const e of events)
          for (const hook of hooks)
            if (e.seq > hook.sinceSeq && hook.events.includes(e.type)) {
              await enqueueDelivery(tx, hook, e.type, e);
              created++;
            }
        await moveEventCursor(tx, WEBHOOK_CURSOR, c.engagementId, reached);
      }
      return cursors.length ? created : -1;
    });

  /** Dispatches until no cursor lags (or the rest is held by other instances). */
  const dispatch = async () => {
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const n = await dispatchOnce();
      if (n < 0) break;
      total += n;
    }
    return total;
  };

  jobs.register(WEBHOOK_JOB, async (payload, job) => {
    const delivery = await findDelivery(db, String(payload.deliveryId));
    if (!delivery || delivery.status !== 'pending') return;
    const hook = await findWebhookById(db, delivery.webhookId);
    if (!hook) return;
    const last = job.attempt >= job.maxAttempts;
    const fail = async (error: string, statusCode: number | null, permanent: boolean) => {
      await recordDeliveryAttempt(db, delivery.id, { status: permanent || last ? 'failed' : 'pending', lastStatusCode: statusCode, lastError: error.slice(0, 2000), at: clock.now() });
      throw permanent ? new PermanentJobError(error) : new Error(error);
    };
    let target;
    try {
      // Resolved again now: the address checked is the address connected to.
      target = await resolveTarget(hook.url, allowPrivate);
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err), null, true);
    }
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const headers = {
      'bunkai-signature': signWebhook(hook.secret, timestamp, delivery.body),
      'bunkai-event': delivery.eventType,
      'bunkai-delivery': delivery.id,
    };
    let result;
    try {
      result = await postPinned(target, headers, delivery.body, timeoutMs);
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err), null, false);
    }
    if (result.status < 200 || result.status >= 300) return fail(`HTTP ${result.status}: ${result.body.slice(0, 500)}`, result.status, false);
    await recordDeliveryAttempt(db, delivery.id, { status: 'delivered', lastStatusCode: result.status, lastError: null, at: clock.now() });
  });

  jobs.onTick(dispatch);

  return { dispatch, enqueueDelivery };
};
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
