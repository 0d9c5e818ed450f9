import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { organizations, parties, revisions, signatures, users } from '../schema/index.ts';

/** What the audit trail (監査証跡) names beside the event log: parties, users and every signature. */
export const auditRepository = (db: Db) => ({
  partyNames: async ({ engagementId }: { engagementId: string }, tx: Db = db): Promise<Map<string, string>> => {
    const rows = await tx.select({ id: parties.id, displayName: parties.displayName }).from(parties).where(eq(parties.engagementId, engagementId));
    return new Map(rows.map((p) => [p.id, p.displayName]));
  },

  userNames: ({ userIds }: { userIds: readonly string[] }, tx: Db = db) =>
    userIds.length ? tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...userIds])) : Promise.resolve([]),

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
