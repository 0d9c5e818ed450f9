import { z } from 'zod';
import { ASSET_CATEGORIES, DUTY_CATEGORIES, DUTY_CONCERNS, KAKUNINHYO_PARTS, PHASES } from './enums.ts';
import { LIMITS, ZId, ZLocalized, ZVersion } from './primitives.ts';

/** Where a duty comes from: a document and a place in it. */
export const ZDutyReference = z.object({
  /** Short document id, e.g. `mhlw-gl6-ops` (see the catalog README for the list). */
  document: z.string().trim().min(1).max(80),
  /** Section or item within the document, e.g. `§8.2` or `Part2 A-1`. */
  section: z.string().trim().min(1).max(LIMITS.name),
  note: z.string().trim().max(LIMITS.short).optional(),
});
export type TDutyReference = z.infer<typeof ZDutyReference>;

export const ZDutyCode = z
  .string()
  .trim()
  .min(2)
  .max(LIMITS.code)
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'codes are upper-case letters, digits and hyphens');

/** 責任項目 as defined in a catalog. */
export const ZDutyDefinition = z.object({
  code: ZDutyCode,
  title: ZLocalized,
  description: ZLocalized,
  phase: z.enum(PHASES),
  category: z.enum(DUTY_CATEGORIES),
  /** Asset categories the duty applies to; empty means engagement-wide (one cell, no asset). */
  appliesTo: z.array(z.enum(ASSET_CATEGORIES)).max(ASSET_CATEGORIES.length),
  concerns: z.array(z.enum(DUTY_CONCERNS)).max(DUTY_CONCERNS.length).default([]),
  kakuninhyoPart: z.union([z.literal(KAKUNINHYO_PARTS[0]), z.literal(KAKUNINHYO_PARTS[1])]),
  /**
   * Sort key inside its part. Parts and order are the catalog's own grouping and numbering,
   * not the official 確認表 order (only `kakuninhyoItem` carries an official number).
   */
  order: z.number().int().min(0).max(100_000),
  /**
   * The official 確認表 item this duty is, where that is verified (e.g. `Part1 1-①`, `Part2 A-1`);
   * absent for the catalog's own items.
   */
  kakuninhyoItem: z.string().trim().min(1).max(40).optional(),
  references: z.array(ZDutyReference).min(1).max(20),
});
export type TDutyDefinition = z.infer<typeof ZDutyDefinition>;

/** The engagement's own copy of a duty (catalog updates never rewrite it). */
export const ZDuty = ZDutyDefinition.extend({
  id: ZId,
  engagementId: ZId,
  /** Catalog version it was copied from; null for custom duties. */
  catalogVersion: z.string().max(40).nullable(),
  notApplicableReason: z.string().trim().max(LIMITS.short).nullable(),
  version: ZVersion,
});
export type TDuty = z.infer<typeof ZDuty>;
