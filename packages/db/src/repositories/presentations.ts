import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { cells, parties, reviewPresentations, users } from '../schema/index.ts';

export type PresentationRow = {
  engagementId: string;
  presenterUserId: string;
  presenterName: string;
  presenterPartyId: string | null;
  presenterPartyName: string | null;
  cellId: string;
  startedAt: string;
  updatedAt: string;
  expiresAt: string;
};

type Present = { engagementId: string; presenterUserId: string; presenterPartyId: string | null; cellId: string; now: string; expiresAt: string };

const iso = (v: string) => new Date(v).toISOString();

/** Presenter mode of the kickoff review (初回確認): one row per engagement while someone presents. */
export const presentationsRepository = (db: Db) => ({
  /** The row with the presenter's and party's names, expired or not (the caller decides with its clock). */
  find: async ({ engagementId }: { engagementId: string }, tx: Db = db): Promise<PresentationRow | null> => {
    const [row] = await tx
      .select({
        engagementId: reviewPresentations.engagementId,
        presenterUserId: reviewPresentations.presenterUserId,
        presenterName: users.displayName,
        presenterPartyId: reviewPresentations.presenterPartyId,
        presenterPartyName: parties.displayName,
        cellId: reviewPresentations.cellId,
        startedAt: reviewPresentations.startedAt,
        updatedAt: reviewPresentations.updatedAt,
        expiresAt: reviewPresentations.expiresAt,
      })
      .from(reviewPresentations)
      .innerJoin(users, eq(users.id, reviewPresentations.presenterUserId))
      .leftJoin(parties, eq(parties.id, reviewPresentations.presenterPartyId))
      .where(eq(reviewPresentations.engagementId, engagementId));
    return row ? { ...row, startedAt: iso(row.startedAt), updatedAt: iso(row.updatedAt), expiresAt: iso(row.expiresAt) } : null;
  },

  /**
   * Starts or moves the presentation in one statement: it succeeds when nobody
   * presents, the same user presents, or the other presentation has expired
   * at `now`; otherwise it writes nothing and answers false (the row's lock
   * decides between two people who start at once).
   */
  present: async (p: Present, tx: Db = db): Promise<boolean> => {
    const t = reviewPresentations;
    const rows = await tx
      .insert(t)
      .values({ engagementId: p.engagementId, presenterUserId: p.presenterUserId, presenterPartyId: p.presenterPartyId, cellId: p.cellId, startedAt: p.now, updatedAt: p.now, expiresAt: p.expiresAt })
      .onConflictDoUpdate({
        target: t.engagementId,
        set: {
          presenterUserId: p.presenterUserId,
          presenterPartyId: p.presenterPartyId,
          cellId: p.cellId,
          // A new presenter (or the same one after expiry) starts a new presentation.
          startedAt: sql`case when ${t.presenterUserId} = ${p.presenterUserId}::uuid and ${t.expiresAt} > ${p.now}::timestamptz then ${t.startedAt} else ${p.now}::timestamptz end`,
          updatedAt: p.now,
          expiresAt: p.expiresAt,
        },
        setWhere: or(eq(t.presenterUserId, p.presenterUserId), sql`${t.expiresAt} <= ${p.now}::timestamptz`),
      })
      .returning({ engagementId: t.engagementId });
    return rows.length > 0;
  },

  /** Ends the presentation when `presenterUserId` holds it (or it has expired); true when a row was removed. */
  end: async ({ engagementId, presenterUserId, now }: { engagementId: string; presenterUserId: string; now: string }, tx: Db = db): Promise<boolean> => {
    const t = reviewPresentations;
    const rows = await tx
      .delete(t)
      .where(and(eq(t.engagementId, engagementId), or(eq(t.presenterUserId, presenterUserId), sql`${t.expiresAt} <= ${now}::timestamptz`)))
      .returning({ engagementId: t.engagementId });
    return rows.length > 0;
  },

  /** Whether a cell (review item) belongs to the engagement: another engagement's cell is "not found". */
  cellInEngagement: async ({ engagementId, cellId }: { engagementId: string; cellId: string }, tx: Db = db): Promise<boolean> => {
    const [row] = await tx
      .select({ id: cells.id })
      .from(cells)
      .where(and(eq(cells.id, cellId), eq(cells.engagementId, engagementId)));
    return row !== undefined;
  },

  /** A wake-up for every API process (delivered at commit): LISTEN/NOTIFY, as the event log does. */
  notify: async ({ channel, payload }: { channel: string; payload: string }, tx: Db = db): Promise<void> => {
    await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
  },
});
export type PresentationsRepository = ReturnType<typeof presentationsRepository>;
