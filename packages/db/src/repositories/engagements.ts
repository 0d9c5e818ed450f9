import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { TEngagement } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { engagements, parties, signatories } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type EngagementRow = typeof engagements.$inferSelect;
export type EngagementInsert = typeof engagements.$inferInsert;

export const toEngagement = (r: EngagementRow): TEngagement => ({
  id: r.id,
  ownerOrganizationId: r.ownerOrganizationId,
  title: r.title,
  systemName: r.systemName,
  description: r.description,
  serviceModel: r.serviceModel,
  provisionPattern: r.provisionPattern,
  status: r.status,
  requireTwoFactorToSign: r.requireTwoFactorToSign,
  reminders: { firstAfterDays: r.reminderFirstAfterDays, everyDays: r.reminderEveryDays, maxCount: r.reminderMaxCount },
  catalogVersion: r.catalogVersion,
  templateCode: r.templateCode,
  contract: r.contract ?? null,
  archivedAt: isoOrNull(r.archivedAt),
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** Settings a PATCH may change (`archived` becomes `archivedAt`, stamped by the database). */
export type EngagementChanges = Partial<Pick<EngagementInsert, 'title' | 'systemName' | 'description' | 'serviceModel' | 'provisionPattern' | 'requireTwoFactorToSign' | 'contract'>> & {
  archived?: boolean | undefined;
  reminders?: { firstAfterDays: number; everyDays: number; maxCount: number } | undefined;
};

/** Who is asking, as far as the engagement list and access need it. */
export type EngagementCaller = { organizationId: string; userId: string; isAdmin: boolean };

export const engagementsRepository = (db: Db) => ({
  insert: async (values: EngagementInsert, tx: Db = db) => {
    const [row] = await tx.insert(engagements).values(values).returning();
    return row!;
  },

  /**
   * The engagement with the caller's party in it and whether the caller signs for that party,
   * in one round trip (every authorized request pays it); undefined when the engagement does not exist.
   */
  findWithCallerParty: async (engagementId: string, caller: Pick<EngagementCaller, 'organizationId' | 'userId'>, tx: Db = db) => {
    const [row] = await tx
      .select({
        engagement: engagements,
        party: parties,
        signatory: sql<boolean>`exists (select 1 from ${signatories} where ${signatories.partyId} = ${parties.id} and ${signatories.userId} = ${caller.userId})`,
      })
      .from(engagements)
      .leftJoin(parties, and(eq(parties.engagementId, engagements.id), eq(parties.organizationId, caller.organizationId)))
      .where(eq(engagements.id, engagementId))
      .limit(1);
    return row;
  },

  /** Ids of the engagements the caller's organization is a party to, or owns (admins), newest first. */
  listVisibleIds: async (caller: EngagementCaller, includeArchived: boolean, tx: Db = db) => {
    const ownsAsAdmin = caller.isAdmin ? eq(engagements.ownerOrganizationId, caller.organizationId) : sql`false`;
    const rows = await tx
      .selectDistinct({ id: engagements.id, createdAt: engagements.createdAt })
      .from(engagements)
      .leftJoin(parties, and(eq(parties.engagementId, engagements.id), eq(parties.organizationId, caller.organizationId)))
      .where(and(or(isNotNull(parties.id), ownsAsAdmin), includeArchived ? undefined : isNull(engagements.archivedAt)))
      .orderBy(sql`${engagements.createdAt} desc`);
    return rows.map((r) => r.id);
  },

  templateCode: async (engagementId: string, tx: Db = db) => {
    const [row] = await tx.select({ templateCode: engagements.templateCode }).from(engagements).where(eq(engagements.id, engagementId));
    return row?.templateCode ?? null;
  },

  /** Optimistic update: undefined when `version` is no longer current. */
  updateVersioned: async (engagementId: string, version: number, changes: EngagementChanges, tx: Db = db) => {
    const { archived, reminders, ...fields } = changes;
    const [row] = await tx
      .update(engagements)
      .set({
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
        ...(archived === undefined ? {} : { archivedAt: archived ? sql`now()` : null }),
        ...(reminders ? { reminderFirstAfterDays: reminders.firstAfterDays, reminderEveryDays: reminders.everyDays, reminderMaxCount: reminders.maxCount } : {}),
        version: sql`${engagements.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(engagements.id, engagementId), eq(engagements.version, version)))
      .returning();
    return row;
  },

  /** A draft becomes a negotiation (no-op in any other status). */
  startNegotiating: (engagementId: string, tx: Db = db) =>
    tx
      .update(engagements)
      .set({ status: 'negotiating', version: sql`${engagements.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(engagements.id, engagementId), eq(engagements.status, 'drafting'))),
});
export type EngagementsRepository = ReturnType<typeof engagementsRepository>;
