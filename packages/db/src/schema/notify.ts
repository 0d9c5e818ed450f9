import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { engagements } from './engagement.ts';
import { users } from './identity.ts';
import { MAIL_STATUSES, WEBHOOK_DELIVERY_STATUSES } from '@bunkai/domain';

/**
 * Notifications (通知) infrastructure: the job queue, outgoing mail (and the
 * development mailbox), webhooks with their delivery log, and the cursors the
 * event dispatcher keeps in the event log. See docs/notifications.md.
 */
const ts = () => timestamp({ withTimezone: true, mode: 'string' });

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
// Shared with the API answers (and so the web app): the tuples live in @bunkai/domain.
export { MAIL_STATUSES, WEBHOOK_DELIVERY_STATUSES } from '@bunkai/domain';

const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL => sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

/**
 * Background work (ジョブ). Workers claim due rows with FOR UPDATE SKIP LOCKED, so
 * each job runs in one process at a time; a claim is a lease (`lockedUntil`) that
 * another worker may take over when the process holding it died.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: JOB_STATUSES }).notNull().default('pending'),
    /** Idempotent enqueueing: a second job with the same key is not created (e.g. `reminder:<cell>:<date>`). */
    uniqueKey: text(),
    runAt: ts().notNull(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    lockedBy: text(),
    lockedUntil: ts(),
    lastError: text(),
    createdAt: ts().notNull().defaultNow(),
    finishedAt: ts(),
  },
  (t) => [
    uniqueIndex('jobs_unique_key_key').on(t.uniqueKey),
    // Only live jobs are scanned by workers; finished ones stay for inspection without slowing the claim.
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} in ('pending', 'running')`),
    check('jobs_status_check', oneOf(t.status, JOB_STATUSES)),
    check('jobs_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);

/**
 * Every e-mail the application sends, rendered (plain text and HTML). Without SMTP
 * the row is kept as `stored`: the development mailbox shows it instead of dropping it.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    template: text().notNull(),
    lang: text({ enum: ['ja', 'en'] }).notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    status: text({ enum: MAIL_STATUSES }).notNull().default('queued'),
    messageId: text(),
    lastError: text(),
    createdAt: ts().notNull().defaultNow(),
    sentAt: ts(),
  },
  (t) => [
    index('mail_outbox_created_at_idx').on(t.createdAt),
    check('mail_outbox_status_check', oneOf(t.status, MAIL_STATUSES)),
    check('mail_outbox_lang_check', oneOf(t.lang, ['ja', 'en'])),
  ],
);

/** An owner's webhook endpoint for one engagement; the secret signs every delivery (HMAC-SHA256). */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    url: text().notNull(),
    description: text().notNull().default(''),
    secret: text().notNull(),
    /** Event types delivered (a subset of WEBHOOK_EVENT_TYPES). */
    events: jsonb().$type<string[]>().notNull(),
    active: boolean().notNull().default(true),
    /** Events at or below this seq predate the webhook and are not delivered. */
    sinceSeq: bigint({ mode: 'number' }).notNull(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('webhooks_engagement_id_idx').on(t.engagementId), index('webhooks_created_by_user_id_idx').on(t.createdByUserId)],
);

/** One event (or test ping) for one webhook, and what happened to it; retried from the job queue. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    webhookId: uuid()
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventType: text().notNull(),
    /** The event's seq in its engagement's log; null for a test ping. */
    eventSeq: bigint({ mode: 'number' }),
    /** The JSON body exactly as sent (and signed). */
    body: text().notNull(),
    status: text({ enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: ts().notNull().defaultNow(),
    lastAttemptAt: ts(),
    deliveredAt: ts(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_webhook_event_key').on(t.webhookId, t.eventSeq),
    index('webhook_deliveries_webhook_created_idx').on(t.webhookId, t.createdAt),
    check('webhook_deliveries_status_check', oneOf(t.status, WEBHOOK_DELIVERY_STATUSES)),
  ],
);

/** How far a consumer (e.g. `webhooks`) has turned one engagement's event log into jobs (outbox dispatcher). */
export const eventCursors = pgTable(
  'event_cursors',
  {
    consumer: text().notNull(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    seq: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.engagementId] }), index('event_cursors_engagement_id_idx').on(t.engagementId)],
);
