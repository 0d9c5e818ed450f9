import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_EVENT_TYPES, ORG_ROLES } from '@bunkai/domain';
import { oneOf } from './enum-check.ts';
import { organizations, users } from './identity.ts';

const at = () => timestamp({ withTimezone: true, mode: 'string' });

/**
 * メンバー招待: an organization admin invites a person by e-mail; the person sets their own name and
 * password from the link. Only the SHA-256 of the token is stored; resending replaces it (the old
 * link stops working).
 */
export const memberInvitations = pgTable(
  'member_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    email: text().notNull(),
    orgRole: text({ enum: ORG_ROLES }).notNull(),
    tokenHash: text().notNull(),
    expiresAt: at().notNull(),
    acceptedAt: at(),
    acceptedUserId: uuid().references(() => users.id),
    revokedAt: at(),
    /** When the latest link was e-mailed (creation or resend). */
    sentAt: at().notNull().defaultNow(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_invitations_token_hash_key').on(t.tokenHash),
    index('member_invitations_organization_id_idx').on(t.organizationId),
    index('member_invitations_accepted_user_id_idx').on(t.acceptedUserId),
    index('member_invitations_created_by_user_id_idx').on(t.createdByUserId),
    oneOf('member_invitations_org_role_check', t.orgRole, ORG_ROLES),
  ],
);

/**
 * アカウント監査ログ: security events of an organization's accounts that belong to no engagement
 * (member invitations, recovery-code use, two-factor replacement). Engagement events stay in the
 * hash-chained event log; this one is append-only by convention and read by the organization's admins.
 */
export const accountEvents = pgTable(
  'account_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order: events of one instant (one transaction, or a coarse clock) still list newest first. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    type: text({ enum: ACCOUNT_EVENT_TYPES }).notNull(),
    /** The person acting (null for a not-yet-member accepting an invitation before the account exists). */
    actorUserId: uuid().references(() => users.id),
    /** The account the event is about. */
    subjectUserId: uuid().references(() => users.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: at().notNull().defaultNow(),
  },
  (t) => [
    index('account_events_organization_at_idx').on(t.organizationId, t.at),
    index('account_events_actor_user_id_idx').on(t.actorUserId),
    index('account_events_subject_user_id_idx').on(t.subjectUserId),
    oneOf('account_events_type_check', t.type, ACCOUNT_EVENT_TYPES),
  ],
);
