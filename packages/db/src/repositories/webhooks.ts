import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { eventCursors, eventHeads, events, webhookDeliveries, webhooks } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export const toWebhook = (r: WebhookRow) => ({
  id: r.id,
  engagementId: r.engagementId,
  url: r.url,
  description: r.description,
  events: r.events,
  active: r.active,
  createdByUserId: r.createdByUserId,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const toWebhookDelivery = (r: WebhookDeliveryRow) => ({
  id: r.id,
  webhookId: r.webhookId,
  eventType: r.eventType,
  eventSeq: r.eventSeq,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  createdAt: iso(r.createdAt),
  lastAttemptAt: isoOrNull(r.lastAttemptAt),
  deliveredAt: isoOrNull(r.deliveredAt),
});

/** The seq of the engagement's newest event (0 before the first). */
export const eventHeadSeq = async (db: Db, engagementId: string): Promise<number> =>
  (await db.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId)))[0]?.seq ?? 0;

export const insertWebhook = async (db: Db, values: typeof webhooks.$inferInsert): Promise<WebhookRow> => (await db.insert(webhooks).values(values).returning())[0]!;

export const listWebhooks = (db: Db, engagementId: string): Promise<WebhookRow[]> =>
  db.select().from(webhooks).where(eq(webhooks.engagementId, engagementId)).orderBy(webhooks.createdAt, webhooks.id);

export const findWebhook = async (db: Db, engagementId: string, id: string): Promise<WebhookRow | null> =>
  (await db.select().from(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.engagementId, engagementId))))[0] ?? null;

export const findWebhookById = async (db: Db, id: string): Promise<WebhookRow | null> => (await db.select().from(webhooks).where(eq(webhooks.id, id)))[0] ?? null;

/** Optimistic update: null when the version no longer matches. */
export const updateWebhook = async (db: Db, id: string, version: number, changes: Partial<Pick<WebhookRow, 'url' | 'description' | 'events' | 'active'>>) =>
  (
    await db
      .update(webhooks)
      .set({ ...changes, version: sql`${webhooks.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(webhooks.id, id), eq(webhooks.version, version)))
      .returning()
  )[0] ?? null;

export const deleteWebhook = async (db: Db, id: string) => {
  await db.delete(webhooks).where(eq(webhooks.id, id));
};

export const insertDelivery = async (db: Db, values: typeof webhookDeliveries.$inferInsert): Promise<WebhookDeliveryRow> =>
  (await db.insert(webhookDeliveries).values(values).returning())[0]!;

export const findDelivery = async (db: Db, id: string): Promise<WebhookDeliveryRow | null> =>
  (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0] ?? null;

export const recordDeliveryAttempt = async (db: Db, id: string, change: Pick<WebhookDeliveryRow, 'status' | 'lastStatusCode' | 'lastError'> & { at: Date }) => {
  const at = change.at.toISOString();
  await db
    .update(webhookDeliveries)
    .set({
      status: change.status,
      lastStatusCode: change.lastStatusCode,
      lastError: change.lastError,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: at,
      ...(change.status === 'delivered' ? { deliveredAt: at } : {}),
    })
    .where(eq(webhookDeliveries.id, id));
};

export const listDeliveries = (db: Db, webhookId: string, limit: number): Promise<WebhookDeliveryRow[]> =>
  db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit);

/** Starts a consumer's cursor at `seq` unless it already has one. */
export const ensureEventCursor = async (db: Db, consumer: string, engagementId: string, seq: number) => {
  await db.insert(eventCursors).values({ consumer, engagementId, seq }).onConflictDoNothing();
};

/**
 * Locks up to `limit` cursors of a consumer that are behind their engagement's head,
 * skipping those another dispatcher holds; the caller's transaction owns them until it ends.
 */
export const lockLaggingCursors = (db: Db, consumer: string, limit: number) =>
  db
    .select({ engagementId: eventCursors.engagementId, seq: eventCursors.seq })
    .from(eventCursors)
    .innerJoin(eventHeads, eq(eventHeads.engagementId, eventCursors.engagementId))
    .where(and(eq(eventCursors.consumer, consumer), gt(eventHeads.seq, eventCursors.seq)))
    .limit(limit)
    .for('update', { of: eventCursors, skipLocked: true });

export const moveEventCursor = async (db: Db, consumer: string, engagementId: string, seq: number) => {
  await db
    .update(eventCursors)
    .set({ seq })
    .where(and(eq(eventCursors.consumer, consumer), eq(eventCursors.engagementId, engagementId)));
};

/** Events after `after` of the given types, oldest first, and the seq the read reached. */
export const readEventsForDispatch = async (db: Db, engagementId: string, after: number, types: readonly string[], limit: number) => {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.engagementId, engagementId), gt(events.seq, after)))
    .orderBy(events.seq)
    .limit(limit);
  return { events: rows.filter((r) => types.includes(r.type)), reached: rows.at(-1)?.seq ?? after };
};

export const activeWebhooksOf = (db: Db, engagementId: string) =>
  db.select().from(webhooks).where(and(eq(webhooks.engagementId, engagementId), eq(webhooks.active, true)));

