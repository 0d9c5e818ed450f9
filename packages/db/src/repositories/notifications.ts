import { and, asc, eq, gt, inArray, isNull, isNotNull, sql } from 'drizzle-orm';
import type { TPreferences, TPreferencesPatch } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import {
  assets,
  cells,
  duties,
  engagements,
  notifications,
  parties,
  proposalResponses,
  proposals,
  userPreferences,
  users,
} from '../schema/index.ts';
import { iso } from './time.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

/** A user's notification settings; defaults when the user never changed them. */
export const getPreferences = async (db: Db, userId: string): Promise<TPreferences> => {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  return row
    ? { digest: row.digest, notifyInformational: row.notifyInformational, lang: row.lang, updatedAt: iso(row.updatedAt) }
    : { digest: 'immediate', notifyInformational: false, lang: 'ja', updatedAt: null };
};

export const savePreferences = async (db: Db, userId: string, patch: TPreferencesPatch) => {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await db
    .insert(userPreferences)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...set, updatedAt: sql`now()` } });
};

/** The users of the organizations holding these parties, with their settings. */
export const recipientsOfParties = async (db: Db, partyIds: readonly string[]) =>
  partyIds.length
    ? db
        .select({
          partyId: parties.id,
          userId: users.id,
          email: users.email,
          digest: sql<TPreferences['digest']>`coalesce(${userPreferences.digest}, 'immediate')`,
          notifyInformational: sql<boolean>`coalesce(${userPreferences.notifyInformational}, false)`,
          lang: sql<TPreferences['lang']>`coalesce(${userPreferences.lang}, 'ja')`,
        })
        .from(parties)
        .innerJoin(users, eq(users.organizationId, parties.organizationId))
        .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
        .where(and(inArray(parties.id, [...partyIds]), isNotNull(parties.organizationId)))
    : Promise.resolve([]);

/** Files notifications; one already filed for the same user and source is left alone. Returns those written. */
export const insertNotifications = async (db: Db, rows: NotificationInsert[]) =>
  rows.length ? db.insert(notifications).values(rows).onConflictDoNothing().returning() : [];

/** A user's notifications not yet mailed, locked for one digest (SKIP LOCKED: a digest running elsewhere keeps its own). */
/** Filed together (one transaction, one now()), notifications keep the order of their events; reminders after them. */
const IN_ORDER = [asc(notifications.createdAt), sql`${notifications.eventSeq} asc nulls last`, asc(notifications.id)];

export const lockUnmailed = (db: Db, userId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.mailedAt)))
    .orderBy(...IN_ORDER)
    .for('update', { skipLocked: true });

export const markMailed = async (db: Db, ids: readonly string[], at: Date) => {
  if (ids.length) await db.update(notifications).set({ mailedAt: at.toISOString() }).where(inArray(notifications.id, [...ids]));
};

export const listNotificationsOf = (db: Db, userId: string) =>
  db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(...IN_ORDER);

/**
 * Gives every engagement with an event log a cursor for `consumer`: from its start when the
 * engagement is less than a day old (database time), else from its head — an engagement from
 * before the consumer existed is not replayed.
 */
export const ensureAllEventCursors = async (db: Db, consumer: string) => {
  await db.execute(
    sql`insert into event_cursors (consumer, engagement_id, seq)
        select ${consumer}, h.engagement_id, case when e.created_at > now() - interval '1 day' then 0 else h.seq end
        from event_heads h join engagements e on e.id = h.engagement_id
        where not exists (select 1 from event_cursors c where c.consumer = ${consumer} and c.engagement_id = h.engagement_id)
        on conflict do nothing`,
  );
};

/** What a line about a cell names: the engagement, the duty (code and title) and the asset. */
export const cellLabel = async (db: Db, cellId: string) => {
  const [row] = await db
    .select({ engagementTitle: engagements.title, code: duties.code, titleJa: duties.titleJa, titleEn: duties.titleEn, asset: assets.name })
    .from(cells)
    .innerJoin(engagements, eq(engagements.id, cells.engagementId))
    .innerJoin(duties, eq(duties.id, cells.dutyId))
    .leftJoin(assets, eq(assets.id, cells.assetId))
    .where(eq(cells.id, cellId));
  return row;
};

export const engagementTitle = async (db: Db, engagementId: string) =>
  (await db.select({ title: engagements.title }).from(engagements).where(eq(engagements.id, engagementId)))[0]?.title ?? '';

export const findProposalRow = async (db: Db, proposalId: string) => (await db.select().from(proposals).where(eq(proposals.id, proposalId)))[0];

export const findCellRow = async (db: Db, cellId: string) => (await db.select().from(cells).where(eq(cells.id, cellId)))[0];

/**
 * Open proposals of `proposed` cells in engagements with reminders on, waiting longer than
 * their engagement's first reminder delay, with the settings and responses the rule needs.
 */
export const listProposalsForReminders = async (db: Db, now: Date, limit = 500) => {
  const rows = await db
    .select({
      proposalId: proposals.id,
      cellId: proposals.cellId,
      engagementId: proposals.engagementId,
      createdAt: proposals.createdAt,
      firstAfterDays: engagements.reminderFirstAfterDays,
      everyDays: engagements.reminderEveryDays,
      maxCount: engagements.reminderMaxCount,
    })
    .from(proposals)
    .innerJoin(cells, and(eq(cells.id, proposals.cellId), eq(cells.openProposalId, proposals.id), eq(cells.status, 'proposed')))
    .innerJoin(engagements, eq(engagements.id, proposals.engagementId))
    .where(
      and(
        eq(proposals.status, 'open'),
        isNull(engagements.archivedAt),
        gt(engagements.reminderMaxCount, 0),
        sql`${proposals.createdAt} <= ${now.toISOString()}::timestamptz - make_interval(days => ${engagements.reminderFirstAfterDays})`,
      ),
    )
    .orderBy(asc(proposals.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
};

/** A proposal's responses, oldest first. */
export const responsesOf = (db: Db, proposalId: string) =>
  db.select().from(proposalResponses).where(eq(proposalResponses.proposalId, proposalId)).orderBy(asc(proposalResponses.createdAt), asc(proposalResponses.id));
