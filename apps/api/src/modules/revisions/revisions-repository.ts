import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Db, eventHeads, organizations, parties, revisions, signatures } from '@bunkai/db';

export type RevisionRow = typeof revisions.$inferSelect;
export type SignatureRow = typeof signatures.$inferSelect;

/** Queries of the sign-off modules (revisions, signatures, verify, audit). */
export const revisionsRepository = {
  byId: async (tx: Db, id: string): Promise<RevisionRow | undefined> => (await tx.select().from(revisions).where(eq(revisions.id, id)).limit(1))[0],

  /** Locks a revision for the rest of the transaction (concurrent signatures are counted one after the other). */
  lockById: async (tx: Db, id: string): Promise<RevisionRow | undefined> =>
    (await tx.select().from(revisions).where(eq(revisions.id, id)).for('update'))[0],

  ofEngagement: (tx: Db, engagementId: string): Promise<RevisionRow[]> =>
    tx.select().from(revisions).where(eq(revisions.engagementId, engagementId)).orderBy(asc(revisions.number)),

  bySha256: (tx: Db, shas: string[]): Promise<RevisionRow[]> =>
    shas.length ? tx.select().from(revisions).where(inArray(revisions.sha256, shas)).orderBy(desc(revisions.number)) : Promise.resolve([]),

  signaturesOf: (tx: Db, revisionIds: string[]): Promise<SignatureRow[]> =>
    revisionIds.length
      ? tx.select().from(signatures).where(inArray(signatures.revisionId, revisionIds)).orderBy(asc(signatures.signedAt))
      : Promise.resolve([]),

  partiesOf: (tx: Db, engagementId: string) =>
    tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt)),

  partyInEngagement: async (tx: Db, engagementId: string, partyId: string) =>
    (await tx.select().from(parties).where(and(eq(parties.id, partyId), eq(parties.engagementId, engagementId))).limit(1))[0],

  organizationNames: async (tx: Db, ids: (string | null)[]): Promise<Map<string, string>> => {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    if (!wanted.length) return new Map();
    const rows = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /**
   * Takes the engagement's event-head row lock. Every mutation appends an event
   * and so takes this lock, so holding it from the start serializes a freeze or
   * a signature with every concurrent change of the same engagement: the
   * matrix cannot change between hashing it and recording the result.
   */
  lockEngagementWrites: async (tx: Db, engagementId: string): Promise<void> => {
    await tx.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId)).for('update');
  },
};
