import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_LABELS,
  CONCERN_LABELS,
  DUTY_CATEGORIES,
  DUTY_CATEGORY_LABELS,
  DUTY_CONCERNS,
  PHASES,
  PHASE_LABELS,
  type TLocalized,
} from '@bunkai/domain';

/*
 * Exports write the same Japanese labels as the annex (@bunkai/domain labels);
 * imports read a code, its Japanese label or its English label back.
 */

/** Engagement-wide cells have no asset; the 確認表 calls that 全体. */
export const ENGAGEMENT_WIDE_LABEL = '全体';

/** Case-, width- and spacing-insensitive key for matching headers and labels. */
export const normalizeKey = (s: string): string =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

/** code, Japanese label or English label → code. */
const lookup = <T extends string>(codes: readonly T[], labels: Record<T, TLocalized>) => {
  const map = new Map<string, T>();
  for (const c of codes) for (const k of [c, labels[c].ja, labels[c].en]) map.set(normalizeKey(k), c);
  return (value: string): T | undefined => map.get(normalizeKey(value));
};

export const phaseFrom = lookup(PHASES, PHASE_LABELS);
export const dutyCategoryFrom = lookup(DUTY_CATEGORIES, DUTY_CATEGORY_LABELS);
export const assetCategoryFrom = lookup(ASSET_CATEGORIES, ASSET_CATEGORY_LABELS);
export const concernFrom = lookup(DUTY_CONCERNS, CONCERN_LABELS);
