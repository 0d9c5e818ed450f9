import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TParty } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { parties } from '../schema/index.ts';

export type PartyRow = typeof parties.$inferSelect;
export type PartyInsert = typeof parties.$inferInsert;

export const toParty = (r: PartyRow): TParty => ({
  id: r.id,
  engagementId: r.engagementId,
  organizationId: r.organizationId,
  role: r.role,
  displayName: r.displayName,
  contractReference: r.contractReference,
  normalContacts: r.normalContacts,
  emergencyContacts: r.emergencyContacts,
  position: r.position,
  version: r.version,
});

/** Fields a PATCH may change on a party. */
export type PartyChanges = Partial<Pick<PartyInsert, 'role' | 'displayName' | 'contractReference' | 'normalContacts' | 'emergencyContacts'>>;

export const partiesRepository = (db: Db) => ({
  /** In display order (position, then creation). */
  listByEngagement: (engagementId: string, tx: Db = db) =>
    tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt)),

  findById: async (partyId: string, opts: { lock?: boolean } = {}, tx: Db = db) => {
    const q = tx.select().from(parties).where(eq(parties.id, partyId));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  findInEngagement: async (engagementId: string, partyId: string, tx: Db = db) => {
    const [row] = await tx
      .select()
      .from(parties)
      .where(and(eq(parties.id, partyId), eq(parties.engagementId, engagementId)));
    return row;
  },

  /** The party an organization holds in an engagement (at most one: unique key). */
  findByOrganization: async (engagementId: string, organizationId: string, tx: Db = db) => {
    const [row] = await tx
      .select()
      .from(parties)
      .where(and(eq(parties.engagementId, engagementId), eq(parties.organizationId, organizationId)));
    return row;
  },

  /** Party ids among `ids` that are not parties of the engagement. */
  unknownIds: async (engagementId: string, ids: readonly string[], tx: Db = db): Promise<string[]> => {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return [];
    const found = await tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.engagementId, engagementId), inArray(parties.id, wanted)));
    const known = new Set(found.map((p) => p.id));
    return wanted.filter((id) => !known.has(id));
  },

  /** Next display position after every existing party of the engagement. */
  nextPosition: async (engagementId: string, tx: Db = db): Promise<number> => {
    const [row] = await tx
      .select({ next: sql<number>`coalesce(max(${parties.position}), -1)::int + 1` })
      .from(parties)
      .where(eq(parties.engagementId, engagementId));
    return Number(row?.next ?? 0);
  },

  insert: async (values: PartyInsert, tx: Db = db) => {
    const [row] = await tx.insert(parties).values(values).returning();
    return row!;
  },

  /** Optimistic update: undefined when `version` is no longer current. */
  updateVersioned: async (partyId: string, version: number, changes: PartyChanges, tx: Db = db) => {
    const [row] = await tx
      .update(parties)
      .set({ ...changes, version: sql`${parties.version} + 1` })
      .where(and(eq(parties.id, partyId), eq(parties.version, version)))
      .returning();
    return row;
  },

  /** An organization takes a placeholder party; undefined when another organization was first. */
  claim: async (partyId: string, organizationId: string, displayName: string, tx: Db = db) => {
    const [row] = await tx
      .update(parties)
      .set({ organizationId, displayName, version: sql`${parties.version} + 1` })
      .where(and(eq(parties.id, partyId), isNull(parties.organizationId)))
      .returning();
    return row;
  },
});
export type PartiesRepository = ReturnType<typeof partiesRepository>;
