import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TDuty } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { duties } from '../schema/index.ts';

export type DutyRow = typeof duties.$inferSelect;
export type DutyInsert = typeof duties.$inferInsert;

export const toDuty = (r: DutyRow): TDuty => ({
  id: r.id,
  engagementId: r.engagementId,
  code: r.code,
  title: { ja: r.titleJa, en: r.titleEn },
  description: { ja: r.descriptionJa, en: r.descriptionEn },
  phase: r.phase,
  category: r.category,
  appliesTo: r.appliesTo,
  concerns: r.concerns,
  kakuninhyoPart: r.kakuninhyoPart,
  order: r.sortOrder,
  // Only when set, so snapshots of duties without one (and their hashes) stay as they were.
  ...(r.kakuninhyoItem === null ? {} : { kakuninhyoItem: r.kakuninhyoItem }),
  references: r.references,
  catalogVersion: r.catalogVersion,
  notApplicableReason: r.notApplicableReason,
  version: r.version,
});

/** 確認表 order: Part1 before Part2, then the sort key, then the code. */
export const compareKakuninhyo = (x: DutyRow, y: DutyRow) => x.kakuninhyoPart - y.kakuninhyoPart || x.sortOrder - y.sortOrder || x.code.localeCompare(y.code);

export const dutiesRepository = (db: Db) => ({
  /** In 確認表 order. */
  listByEngagement: (engagementId: string, tx: Db = db) =>
    tx
      .select()
      .from(duties)
      .where(eq(duties.engagementId, engagementId))
      .orderBy(asc(duties.kakuninhyoPart), asc(duties.sortOrder), asc(duties.code)),

  /** What cell planning needs of every duty of the engagement. */
  listForPlanning: (engagementId: string, tx: Db = db) =>
    tx
      .select({ id: duties.id, appliesTo: duties.appliesTo, notApplicableReason: duties.notApplicableReason })
      .from(duties)
      .where(eq(duties.engagementId, engagementId)),

  findById: async (dutyId: string, tx: Db = db) => {
    const [row] = await tx.select().from(duties).where(eq(duties.id, dutyId));
    return row;
  },

  /** Which of `codes` the engagement already has. */
  presentCodes: async (engagementId: string, codes: readonly string[], tx: Db = db) => {
    if (!codes.length) return [];
    const rows = await tx
      .select({ code: duties.code })
      .from(duties)
      .where(and(eq(duties.engagementId, engagementId), inArray(duties.code, [...codes])));
    return rows.map((r) => r.code);
  },

  /** Returns the rows in input order. */
  insertMany: async (values: readonly DutyInsert[], tx: Db = db) => (values.length ? tx.insert(duties).values([...values]).returning() : []),

  /** Replaces the definition of a duty (a catalog upgrade the owner adopted); bumps its version. */
  replaceDefinition: async (dutyId: string, values: Omit<DutyInsert, 'engagementId' | 'id'>, tx: Db = db) => {
    const [row] = await tx
      .update(duties)
      .set({ ...values, version: sql`${duties.version} + 1` })
      .where(eq(duties.id, dutyId))
      .returning();
    return row;
  },

  /** Optimistic update of the duty-level 対象外 reason: undefined when `version` is no longer current. */
  setNotApplicableReason: async (dutyId: string, version: number, reason: string | null, tx: Db = db) => {
    const [row] = await tx
      .update(duties)
      .set({ notApplicableReason: reason, version: sql`${duties.version} + 1` })
      .where(and(eq(duties.id, dutyId), eq(duties.version, version)))
      .returning();
    return row;
  },

  /** Optimistic edit of the wording and the sort key: undefined when `version` is no longer current. */
  updateDefinition: async (
    dutyId: string,
    version: number,
    patch: { title?: { ja: string; en: string }; description?: { ja: string; en: string }; order?: number },
    tx: Db = db,
  ) => {
    const [row] = await tx
      .update(duties)
      .set({
        ...(patch.title ? { titleJa: patch.title.ja, titleEn: patch.title.en } : {}),
        ...(patch.description ? { descriptionJa: patch.description.ja, descriptionEn: patch.description.en } : {}),
        ...(patch.order !== undefined ? { sortOrder: patch.order } : {}),
        version: sql`${duties.version} + 1`,
      })
      .where(and(eq(duties.id, dutyId), eq(duties.version, version)))
      .returning();
    return row;
  },
});
export type DutiesRepository = ReturnType<typeof dutiesRepository>;
