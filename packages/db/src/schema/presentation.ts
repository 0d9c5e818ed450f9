import { check, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { engagements, parties } from './engagement.ts';
import { users } from './identity.ts';
import { cells } from './matrix.ts';

const ts = () => timestamp({ withTimezone: true, mode: 'string' });

/**
 * Presenter mode of the kickoff review (初回確認): at most one presenter per
 * engagement and the item (cell) the presenter shows. Ephemeral meeting state,
 * not a change to the agreement, so it lives here and not in the event log;
 * a row whose `expiresAt` has passed counts as no presentation.
 */
export const reviewPresentations = pgTable(
  'review_presentations',
  {
    engagementId: uuid()
      .primaryKey()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    presenterUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    presenterPartyId: uuid().references(() => parties.id, { onDelete: 'set null' }),
    cellId: uuid()
      .notNull()
      .references(() => cells.id, { onDelete: 'cascade' }),
    startedAt: ts().notNull(),
    updatedAt: ts().notNull(),
    expiresAt: ts().notNull(),
  },
  (t) => [
    check('review_presentations_expiry_check', sql`${t.expiresAt} > ${t.updatedAt}`),
    // Every FK indexed: deleting a user, party or cell finds its presentation without a scan.
    index('review_presentations_presenter_user_id_idx').on(t.presenterUserId),
    index('review_presentations_presenter_party_id_idx').on(t.presenterPartyId),
    index('review_presentations_cell_id_idx').on(t.cellId),
  ],
);
