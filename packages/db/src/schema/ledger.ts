import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REVISION_STATUSES, SIGNATURE_AUTHENTICATIONS } from '@bunkai/domain';
import { engagements, parties } from './engagement.ts';
import { oneOf } from './enum-check.ts';
import { organizations, users } from './identity.ts';

const ts = () => timestamp({ withTimezone: true, mode: 'string' });

/**
 * The append-only, hash-chained event log. A trigger (see the migration
 * `event_log_guards`) rejects UPDATE and DELETE and notifies listeners on insert.
 * Actor columns are plain uuids, not foreign keys: the log must outlive anything it mentions.
 */
export const events = pgTable(
  'events',
  {
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    actorUserId: uuid(),
    actorPartyId: uuid(),
    subjectId: uuid(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** ISO-8601 UTC with milliseconds, exactly as hashed. */
    at: text().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.seq] })],
);

/** The tip of each engagement's chain; its row lock serializes appends per engagement. */
export const eventHeads = pgTable('event_heads', {
  engagementId: uuid()
    .primaryKey()
    .references(() => engagements.id),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
});

export const revisions = pgTable(
  'revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    number: integer().notNull(),
    status: text({ enum: REVISION_STATUSES }).notNull(),
    /** The canonical snapshot text exactly as hashed. */
    canonical: text(),
    sha256: text(),
    frozenAt: ts(),
    frozenByUserId: uuid().references(() => users.id),
    executedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('revisions_engagement_number_key').on(t.engagementId, t.number),
    index('revisions_frozen_by_user_id_idx').on(t.frozenByUserId),
    index('revisions_sha256_idx').on(t.sha256),
    oneOf('revisions_status_check', t.status, REVISION_STATUSES),
  ],
);

export const signatures = pgTable(
  'signatures',
  {
    id: uuid().primaryKey().defaultRandom(),
    revisionId: uuid()
      .notNull()
      .references(() => revisions.id),
    partyId: uuid()
      .notNull()
      .references(() => parties.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    signerUserId: uuid()
      .notNull()
      .references(() => users.id),
    signerName: text().notNull(),
    statement: text().notNull(),
    revisionSha256: text().notNull(),
    signedAt: text().notNull(),
    ip: text().notNull(),
    userAgent: text().notNull(),
    sealVersion: integer().notNull(),
    seal: text().notNull(),
    /** How the signer re-authenticated; null for signatures made before it was recorded. Not part of the seal (version 1). */
    authentication: text(),
  },
  (t) => [
    uniqueIndex('signatures_revision_party_key').on(t.revisionId, t.partyId),
    oneOf('signatures_authentication_check', t.authentication, SIGNATURE_AUTHENTICATIONS),
    index('signatures_party_id_idx').on(t.partyId),
    index('signatures_organization_id_idx').on(t.organizationId),
    index('signatures_signer_user_id_idx').on(t.signerUserId),
  ],
);
