import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DIGEST_MODES, NOTIFY_LANGS } from '@bunkai/domain';
import { engagements } from './engagement.ts';
import { oneOf } from './enum-check.ts';
import { users } from './identity.ts';

const ts = () => timestamp({ withTimezone: true, mode: 'string' });

/** 通知設定: one row per user who changed the defaults (immediate, actionable only, Japanese). */
export const userPreferences = pgTable(
  'user_preferences',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id),
    digest: text({ enum: DIGEST_MODES }).notNull().default('immediate'),
    notifyInformational: boolean().notNull().default(false),
    lang: text({ enum: NOTIFY_LANGS }).notNull().default('ja'),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    oneOf('user_preferences_digest_check', t.digest, DIGEST_MODES),
    oneOf('user_preferences_lang_check', t.lang, NOTIFY_LANGS),
  ],
);

/**
 * 通知: one event (or reminder) for one user, waiting for its digest e-mail. Unique per user and
 * source, so a dispatcher running twice (or on two instances) files each once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    partyId: uuid().notNull(),
    /** The event type, or `reminder`. */
    kind: text().notNull(),
    /** `event:<seq>` or `reminder:<proposalId>:<n>`. */
    sourceKey: text().notNull(),
    eventSeq: bigint({ mode: 'number' }),
    cellId: uuid(),
    informational: boolean().notNull(),
    /** What the line in the digest says (rendered when filed, in the recipient's language). */
    summary: text().notNull(),
    path: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    mailedAt: ts(),
  },
  (t) => [
    uniqueIndex('notifications_user_source_key').on(t.userId, t.engagementId, t.sourceKey),
    index('notifications_unmailed_idx').on(t.userId, t.mailedAt),
    index('notifications_engagement_id_idx').on(t.engagementId),
  ],
);
