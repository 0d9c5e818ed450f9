import { and, asc, desc, eq, gte, inArray, like, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { events, organizations, parties, revisions, signatures, users } from '../schema/index.ts';

export type AuditEventFilter = { engagementId: string; cellId?: string; partyId?: string; type?: string; from?: string; to?: string; before?: number; limit: number };

/** What the audit trail (監査証跡) names beside the event log: parties, users and every signature. */
export const auditRepository = (db: Db) => ({
  partyNames: async ({ engagementId }: { engagementId: string }, tx: Db = db): Promise<Map<string, string>> => {
    const rows = await tx.select({ id: parties.id, displayName: parties.displayName }).from(parties).where(eq(parties.engagementId, engagementId));
    return new Map(rows.map((p) => [p.id, p.displayName]));
  },

  userNames: ({ userIds }: { userIds: readonly string[] }, tx: Db = db) =>
    userIds.length ? tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...userIds])) : Promise.resolve([]),

  /**
   * The event log newest first, filtered for the audit screen. A type ending in '.' is a family
   * (every `proposal.*`); from/to are ISO days compared against the ISO `at` text (UTC).
   */
  eventsNewestFirst: ({ engagementId, cellId, partyId, type, from, to, before, limit }: AuditEventFilter, tx: Db = db) => {
    const where: (SQL | undefined)[] = [
      eq(events.engagementId, engagementId),
      cellId ? eq(events.subjectId, cellId) : undefined,
      partyId ? eq(events.actorPartyId, partyId) : undefined,
      type ? (type.endsWith('.') ? like(events.type, `${type}%`) : eq(events.type, type)) : undefined,
      from ? gte(events.at, from) : undefined,
      to ? lte(events.at, `${to}T23:59:59.999Z`) : undefined,
      before ? lt(events.seq, before) : undefined,
    ];
    return tx
      .select()
      .from(events)
      .where(and(...where))
      .orderBy(desc(events.seq))
      .limit(limit);
  },

  /** Every signature of the engagement's revisions, oldest revision first, with its revision number and organization name. */
  signatures: ({ engagementId }: { engagementId: string }, tx: Db = db) =>
    tx
      .select({ signature: signatures, number: revisions.number, organizationName: organizations.name })
      .from(signatures)
      .innerJoin(revisions, eq(revisions.id, signatures.revisionId))
      .innerJoin(organizations, eq(organizations.id, signatures.organizationId))
      .where(eq(revisions.engagementId, engagementId))
      .orderBy(asc(revisions.number), asc(signatures.signedAt)),
});
export type AuditRepository = ReturnType<typeof auditRepository>;
