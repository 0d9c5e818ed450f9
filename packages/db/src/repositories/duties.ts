import type { TDuty } from '@bunkai/domain';
import type { duties } from '../schema/index.ts';

export type DutyRow = typeof duties.$inferSelect;

export const toDuty = (r: DutyRow): TDuty => ({
  id: r.id,
  engagementId: r.engagementId,
  code: r.code,
  title: { ja: r.titleJa, en: r.titleEn },
  description: { ja: r.descriptionJa, en: r.descriptionEn },
  phase: r.phase as TDuty['phase'],
  category: r.category as TDuty['category'],
  appliesTo: r.appliesTo as TDuty['appliesTo'],
  concerns: r.concerns as TDuty['concerns'],
  kakuninhyoPart: r.kakuninhyoPart as TDuty['kakuninhyoPart'],
  order: r.sortOrder,
  references: r.references,
  catalogVersion: r.catalogVersion,
  notApplicableReason: r.notApplicableReason,
  version: r.version,
});
