import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { EMPTY_TERMS, type TOrganizationDuty } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { assets, cells, duties, organizationDuties } from '../schema/index.ts';
import { toDuty } from './duties.ts';
import { iso } from './time.ts';

export type OrganizationDutyRow = typeof organizationDuties.$inferSelect;
export type OrganizationDutyInsert = typeof organizationDuties.$inferInsert;
type DutyInsert = typeof duties.$inferInsert;
type CellKey = { dutyId: string; assetId: string | null };

export const toOrganizationDuty = (r: OrganizationDutyRow): TOrganizationDuty => {
  const { engagementId: _e, catalogVersion: _c, notApplicableReason: _n, version: _v, ...definition } = toDuty({
    ...r,
    engagementId: r.organizationId,
    catalogVersion: null,
    notApplicableReason: null,
    version: 1,
  });
  return { ...definition, organizationId: r.organizationId, createdAt: iso(r.createdAt) };
};

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/** An organization's own duty catalog (自組織の責任項目), filled by import. */
export const organizationDutiesRepository = (db: Db) => ({
  list: ({ organizationId }: { organizationId: string }, tx: Db = db) =>
    tx
      .select()
      .from(organizationDuties)
      .where(eq(organizationDuties.organizationId, organizationId))
      .orderBy(asc(organizationDuties.kakuninhyoPart), asc(organizationDuties.sortOrder), asc(organizationDuties.code)),

  /** The catalog's duties with these codes, in catalog order. */
  listByCodes: ({ organizationId, codes }: { organizationId: string; codes: readonly string[] }, tx: Db = db) =>
    tx
      .select()
      .from(organizationDuties)
      .where(and(eq(organizationDuties.organizationId, organizationId), inArray(organizationDuties.code, [...codes])))
      .orderBy(asc(organizationDuties.kakuninhyoPart), asc(organizationDuties.sortOrder), asc(organizationDuties.code)),

  /** How many of these codes the catalog already holds (they are about to be replaced). */
  countPresent: async ({ organizationId, codes }: { organizationId: string; codes: readonly string[] }, tx: Db = db): Promise<number> =>
    (
      await tx
        .select({ code: organizationDuties.code })
        .from(organizationDuties)
        .where(and(eq(organizationDuties.organizationId, organizationId), inArray(organizationDuties.code, [...codes])))
    ).length,

  /** Inserts the rows; a code already in the catalog is replaced by the new row's definition. */
  upsert: (values: readonly OrganizationDutyInsert[], tx: Db = db) =>
    tx
      .insert(organizationDuties)
      .values([...values])
      .onConflictDoUpdate({
        target: [organizationDuties.organizationId, organizationDuties.code],
        set: {
          titleJa: excluded('title_ja'),
          titleEn: excluded('title_en'),
          descriptionJa: excluded('description_ja'),
          descriptionEn: excluded('description_en'),
          phase: excluded('phase'),
          category: excluded('category'),
          appliesTo: excluded('applies_to'),
          concerns: excluded('concerns'),
          kakuninhyoPart: excluded('kakuninhyo_part'),
          sortOrder: excluded('sort_order'),
          kakuninhyoItem: excluded('kakuninhyo_item'),
          references: excluded('references'),
        },
      })
      .returning(),
});
export type OrganizationDutiesRepository = ReturnType<typeof organizationDutiesRepository>;

/**
 * Importing duties into an engagement: the codes it already has, the new duties, and their empty
 * cells. (Overlaps the engagement-structure duties/cells repositories; fold in once both exist.)
 */
export const dutyImportRepository = (db: Db) => ({
  takenCodes: async ({ engagementId, codes }: { engagementId: string; codes: readonly string[] }, tx: Db = db): Promise<string[]> =>
    (
      await tx
        .select({ code: duties.code })
        .from(duties)
        .where(and(eq(duties.engagementId, engagementId), inArray(duties.code, [...codes])))
    ).map((r) => r.code),

  insertDuties: (values: readonly DutyInsert[], tx: Db = db) => tx.insert(duties).values([...values]).returning(),

  assetCategories: ({ engagementId }: { engagementId: string }, tx: Db = db) =>
    tx.select({ id: assets.id, category: assets.category }).from(assets).where(eq(assets.engagementId, engagementId)),

  /** Empty cells (unassigned, no terms yet), inserted 1,000 per statement. */
  insertEmptyCells: async ({ engagementId, keys }: { engagementId: string; keys: readonly CellKey[] }, tx: Db = db) => {
    for (let i = 0; i < keys.length; i += 1000)
      await tx.insert(cells).values(keys.slice(i, i + 1000).map((k) => ({ engagementId, ...k, terms: EMPTY_TERMS })));
  },
});
export type DutyImportRepository = ReturnType<typeof dutyImportRepository>;
