import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANIZATION_KINDS, ORG_ROLES } from '@bunkai/domain';
import { oneOf } from './enum-check.ts';

const createdAt = () => timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow();

export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text({ enum: ORGANIZATION_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [oneOf('organizations_kind_check', t.kind, ORGANIZATION_KINDS)],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    email: text().notNull(),
    displayName: text().notNull(),
    orgRole: text({ enum: ORG_ROLES }).notNull(),
    /** scrypt, self-describing: `scrypt$N$r$p$salt$hash` (base64). */
    passwordHash: text().notNull(),
    /** Base32 TOTP secret; set at enrollment, active once `totpEnabled`. */
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    /** A replacement authenticator being set up after a lost one (decision 0014); the old secret works until it is confirmed. */
    totpPendingSecret: text(),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_organization_id_idx').on(t.organizationId),
    oneOf('users_org_role_check', t.orgRole, ORG_ROLES),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** All tokens descending from one login share a family; reuse of a rotated token revokes the family. */
    familyId: uuid().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    rotatedAt: timestamp({ withTimezone: true, mode: 'string' }),
    revokedAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_user_id_idx').on(t.userId),
    index('refresh_tokens_family_id_idx').on(t.familyId),
  ],
);

/** Fixed-window counters (sign-in throttling, route rate limits), shared by every API instance. */
export const authThrottle = pgTable('auth_throttle', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
  count: integer().notNull(),
});

/**
 * One-time recovery codes for a two-factor account (used when the authenticator is lost). Only the
 * SHA-256 of each code is kept (the codes carry 80 random bits, so a fast hash is enough); `usedAt`
 * marks one spent. Regenerating replaces the whole set.
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_key').on(t.userId, t.codeHash)],
);
