import { type PgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ASSET_CATEGORIES,
  DUTY_CATEGORIES,
  ENGAGEMENT_STATUSES,
  INVITATION_ACCEPT_BY,
  KAKUNINHYO_PARTS,
  PARTY_ROLES,
  PHASES,
  PROVISION_PATTERNS,
  SERVICE_MODELS,
  type TAssetCategory,
  type TContact,
  type TEngagementContract,
  type TDutyConcern,
  type TDutyReference,
  type TKakuninhyoPart,
} from '@bunkai/domain';
import { oneOf } from './enum-check.ts';
import { organizations, users } from './identity.ts';

const ts = () => timestamp({ withTimezone: true, mode: 'string' });

export const engagements = pgTable(
  'engagements',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrganizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    title: text().notNull(),
    systemName: text().notNull(),
    description: text().notNull().default(''),
    serviceModel: text({ enum: SERVICE_MODELS }).notNull(),
    provisionPattern: text({ enum: PROVISION_PATTERNS }).notNull(),
    status: text({ enum: ENGAGEMENT_STATUSES }).notNull().default('drafting'),
    requireTwoFactorToSign: boolean().notNull().default(true),
    /** Reminders (督促) of waiting consents: first after N days, then every M days, at most K times; K = 0 turns them off. */
    reminderFirstAfterDays: integer().notNull().default(5),
    reminderEveryDays: integer().notNull().default(2),
    reminderMaxCount: integer().notNull().default(3),
    catalogVersion: text(),
    templateCode: text(),
    /** 主契約 (契約名・番号・日付・甲乙丙・優先関係), printed on the annex cover. */
    contract: jsonb().$type<TEngagementContract>(),
    archivedAt: ts(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('engagements_owner_organization_id_idx').on(t.ownerOrganizationId),
    oneOf('engagements_service_model_check', t.serviceModel, SERVICE_MODELS),
    oneOf('engagements_provision_pattern_check', t.provisionPattern, PROVISION_PATTERNS),
    oneOf('engagements_status_check', t.status, ENGAGEMENT_STATUSES),
  ],
);

export const parties = pgTable(
  'parties',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    organizationId: uuid().references(() => organizations.id),
    role: text({ enum: PARTY_ROLES }).notNull(),
    displayName: text().notNull(),
    contractReference: text().notNull().default(''),
    normalContacts: jsonb().$type<TContact[]>().notNull().default([]),
    emergencyContacts: jsonb().$type<TContact[]>().notNull().default([]),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('parties_engagement_id_idx').on(t.engagementId),
    index('parties_organization_id_idx').on(t.organizationId),
    // One organization is one party per engagement: it acts for exactly one party.
    uniqueIndex('parties_engagement_organization_key').on(t.engagementId, t.organizationId),
    oneOf('parties_role_check', t.role, PARTY_ROLES),
  ],
);

/** Users allowed to sign for a party (granted by their own organization's admin). */
export const signatories = pgTable(
  'signatories',
  {
    partyId: uuid()
      .notNull()
      .references(() => parties.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    grantedByUserId: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signatories_party_user_key').on(t.partyId, t.userId),
    index('signatories_user_id_idx').on(t.userId),
    index('signatories_granted_by_user_id_idx').on(t.grantedByUserId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    partyId: uuid()
      .notNull()
      .references(() => parties.id),
    email: text().notNull(),
    /** Who may accept (INVITATION_ACCEPT_BY): the invited e-mail only, or any admin of its organization. */
    acceptBy: text({ enum: INVITATION_ACCEPT_BY }).notNull().default('invitee'),
    tokenHash: text().notNull(),
    expiresAt: ts().notNull(),
    acceptedAt: ts(),
    acceptedByOrganizationId: uuid().references(() => organizations.id),
    revokedAt: ts(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    oneOf('invitations_accept_by_check', t.acceptBy, INVITATION_ACCEPT_BY),
    index('invitations_engagement_id_idx').on(t.engagementId),
    index('invitations_party_id_idx').on(t.partyId),
    index('invitations_accepted_by_organization_id_idx').on(t.acceptedByOrganizationId),
    index('invitations_created_by_user_id_idx').on(t.createdByUserId),
  ],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    name: text().notNull(),
    category: text({ enum: ASSET_CATEGORIES }).notNull(),
    ownerPartyId: uuid().references(() => parties.id),
    vendor: text().notNull().default(''),
    model: text().notNull().default(''),
    assetVersion: text().notNull().default(''),
    supportEndsOn: date({ mode: 'string' }),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('assets_engagement_id_idx').on(t.engagementId),
    index('assets_owner_party_id_idx').on(t.ownerPartyId),
    oneOf('assets_category_check', t.category, ASSET_CATEGORIES),
  ],
);

const dutyColumns = () => ({
  code: text().notNull(),
  titleJa: text().notNull(),
  titleEn: text().notNull(),
  descriptionJa: text().notNull(),
  descriptionEn: text().notNull(),
  phase: text({ enum: PHASES }).notNull(),
  category: text({ enum: DUTY_CATEGORIES }).notNull(),
  appliesTo: jsonb().$type<TAssetCategory[]>().notNull().default([]),
  concerns: jsonb().$type<TDutyConcern[]>().notNull().default([]),
  kakuninhyoPart: integer().$type<TKakuninhyoPart>().notNull(),
  sortOrder: integer().notNull(),
  /** The official 確認表 item number (e.g. `Part2 A-1`) where verified or imported from the official sheet; null for the catalog's own items. */
  kakuninhyoItem: text(),
  references: jsonb().$type<TDutyReference[]>().notNull().default([]),
});

const dutyChecks = (table: string, t: { phase: PgColumn; category: PgColumn; kakuninhyoPart: PgColumn }) => [
  oneOf(`${table}_phase_check`, t.phase, PHASES),
  oneOf(`${table}_category_check`, t.category, DUTY_CATEGORIES),
  oneOf(`${table}_kakuninhyo_part_check`, t.kakuninhyoPart, KAKUNINHYO_PARTS),
];

/** The engagement's own copy of each duty it uses. */
export const duties = pgTable(
  'duties',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    ...dutyColumns(),
    catalogVersion: text(),
    notApplicableReason: text(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('duties_engagement_code_key').on(t.engagementId, t.code), ...dutyChecks('duties', t)],
);

/** An organization's own duty catalog (imported clause lists). */
export const organizationDuties = pgTable(
  'organization_duties',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    ...dutyColumns(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organization_duties_org_code_key').on(t.organizationId, t.code), ...dutyChecks('organization_duties', t)],
);

