import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type TEngagementContract, type TEngagementStatus, type TRevisionStanding, type TRevisionView, isSigningParty } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { engagements, eventHeads, organizations, parties, revisions } from '../schema/index.ts';
import { type SignatureRow, toSignatureView } from './signatures.ts';
import { iso, isoOrNull } from './time.ts';

export type RevisionRow = typeof revisions.$inferSelect;
/** A revision without its canonical text (megabytes at hospital scale): what lists, states and views need. */
export type RevisionHead = Omit<RevisionRow, 'canonical'>;
const { canonical: _canonical, ...headColumns } = getTableColumns(revisions);
export type RevisionStatus = TRevisionView['status'];
type PartyLike = { id: string; role: string; displayName: string; organizationId: string | null };

/** A revision as read back, with its signatures (each valid for this revision's number). */
export const toRevisionView = (
  row: RevisionHead,
  status: RevisionStatus,
  liveSha256: string,
  sigs: readonly SignatureRow[],
  engagementParties: readonly PartyLike[],
  organizationNames: ReadonlyMap<string, string>,
  /** 版の効力 among all revisions of the engagement; by default what the status alone says of the newest revision. */
  standing: TRevisionStanding = status === 'executed' ? { kind: 'executed_current', supersededBy: null } : status === 'frozen' ? { kind: 'awaiting_signatures', supersededBy: null } : { kind: 'void', supersededBy: null },
): TRevisionView => {
  const partyById = new Map(engagementParties.map((p) => [p.id, p]));
  const signedParties = new Set(sigs.map((s) => s.partyId));
  return {
    id: row.id,
    engagementId: row.engagementId,
    number: row.number,
    status,
    sha256: row.sha256,
    frozenAt: isoOrNull(row.frozenAt),
    frozenByUserId: row.frozenByUserId,
    executedAt: isoOrNull(row.executedAt),
    createdAt: iso(row.createdAt),
    matchesLive: row.sha256 === liveSha256,
    standing,
    signatures: sigs.map((s) => toSignatureView(s, row.number, partyById, organizationNames)),
    // An executed revision was signed by the parties of its time; parties added since are not owed a signature on it.
    signingParties: engagementParties
      .filter((p) => (status === 'executed' ? signedParties.has(p.id) : isSigningParty(p)))
      .map((p) => ({ partyId: p.id, role: p.role, displayName: p.displayName, signed: signedParties.has(p.id) })),
  };
};

/**
 * 版 (revisions) and what sign-off reads around them. Functions `(args, tx = db)`:
 * pass the transaction when the read or write belongs to one.
 */
export const revisionsRepository = (db: Db) => ({
  byId: async (id: string, tx: Db = db): Promise<RevisionRow | undefined> => (await tx.select().from(revisions).where(eq(revisions.id, id)).limit(1))[0],

  /** Locks a revision for the rest of the transaction (concurrent signatures are counted one after the other). */
  lockById: async (id: string, tx: Db = db): Promise<RevisionRow | undefined> => (await tx.select().from(revisions).where(eq(revisions.id, id)).for('update'))[0],

  /** Every revision of the engagement, oldest first, without canonical texts (read one with byId). */
  ofEngagement: (engagementId: string, tx: Db = db): Promise<RevisionHead[]> =>
    tx.select(headColumns).from(revisions).where(eq(revisions.engagementId, engagementId)).orderBy(asc(revisions.number)),

  bySha256: (shas: string[], tx: Db = db): Promise<RevisionRow[]> =>
    shas.length ? tx.select().from(revisions).where(inArray(revisions.sha256, shas)).orderBy(desc(revisions.number)) : Promise.resolve([]),

  insertFrozen: async (
    values: { engagementId: string; number: number; canonical: string; sha256: string; frozenAt: string; frozenByUserId: string },
    tx: Db = db,
  ): Promise<RevisionHead> => (await tx.insert(revisions).values({ ...values, status: 'frozen' }).returning(headColumns))[0]!,

  /** Only a still-frozen row changes: a concurrent execution is never overwritten. */
  markSuperseded: async (id: string, tx: Db = db): Promise<void> => {
    await tx.update(revisions).set({ status: 'superseded' }).where(and(eq(revisions.id, id), eq(revisions.status, 'frozen')));
  },

  markExecuted: async (id: string, executedAt: string, tx: Db = db): Promise<RevisionRow | undefined> =>
    (await tx.update(revisions).set({ status: 'executed', executedAt }).where(eq(revisions.id, id)).returning())[0],

  partiesOf: (engagementId: string, tx: Db = db) =>
    tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt)),

  partyInEngagement: async (engagementId: string, partyId: string, tx: Db = db) =>
    (await tx.select().from(parties).where(and(eq(parties.id, partyId), eq(parties.engagementId, engagementId))).limit(1))[0],

  organizationNames: async (ids: (string | null)[], tx: Db = db): Promise<Map<string, string>> => {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    if (!wanted.length) return new Map();
    const rows = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** 主契約 of the engagement (printed on the annex cover), null when not recorded. */
  engagementContract: async (engagementId: string, tx: Db = db): Promise<TEngagementContract | null> =>
    (await tx.select({ contract: engagements.contract }).from(engagements).where(eq(engagements.id, engagementId)))[0]?.contract ?? null,

  engagementStatus: async (engagementId: string, tx: Db = db): Promise<string | undefined> =>
    (await tx.select({ status: engagements.status }).from(engagements).where(eq(engagements.id, engagementId)))[0]?.status,

  /** The engagement status sign-off implies (signing, amending, executed); bumps its version like any change. */
  setEngagementStatus: async (engagementId: string, status: TEngagementStatus, tx: Db = db): Promise<void> => {
    await tx
      .update(engagements)
      .set({ status, version: sql`${engagements.version} + 1`, updatedAt: sql`now()` })
      .where(eq(engagements.id, engagementId));
  },

  /**
   * Takes the engagement's event-head row lock. Every mutation appends an event
   * and so takes this lock, so holding it from the start serializes a freeze or
   * a signature with every concurrent change of the same engagement: the
   * matrix cannot change between hashing it and recording the result.
   */
  lockEngagementWrites: async (engagementId: string, tx: Db = db): Promise<void> => {
    await tx.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId)).for('update');
  },
});
export type RevisionsRepository = ReturnType<typeof revisionsRepository>;
