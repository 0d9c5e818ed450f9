import type { TDutyDefinition, TTerms } from '@bunkai/domain';
import { compareDuties } from './duties/index.ts';
import type { TCatalogTemplate, TTemplateAssignment, TTemplateSuggestion } from './templates/schema.ts';

/** One cell an engagement created from a template would have. */
export interface TExpandedCell {
  dutyCode: string;
  /** Template asset key; null for an engagement-wide cell. */
  assetKey: string | null;
  /** Suggested roles by party key; null where the template leaves the cell open. */
  assignment: TTemplateAssignment | null;
  /** Suggested terms; null when the suggestion has none (or there is no suggestion). */
  terms: TTerms | null;
}

type TDutyShape = Pick<TDutyDefinition, 'code' | 'appliesTo' | 'kakuninhyoPart' | 'order'>;

const GENERAL = '*';
const slot = (dutyCode: string, assetKey: string) => `${dutyCode}\u0000${assetKey}`;

/**
 * The cells of an engagement created from `template`, in 確認表 order then template
 * asset order: for each of `duties` listed in `template.dutyCodes`, one cell per
 * template asset whose category the duty applies to, or one engagement-wide cell
 * when `appliesTo` is empty. Duties matching no asset yield no cell. Each cell
 * carries the suggestion for its asset if there is one, else the duty's general
 * suggestion, else none. Pure: nothing is created or changed.
 */
export function expandTemplate(template: TCatalogTemplate, duties: readonly TDutyShape[]): TExpandedCell[] {
  const wanted = new Set(template.dutyCodes);
  const suggestions = new Map<string, TTemplateSuggestion>();
  for (const s of template.suggestions) suggestions.set(slot(s.dutyCode, s.assetKey ?? GENERAL), s);
  const pick = (dutyCode: string, assetKey: string | null) =>
    (assetKey === null ? undefined : suggestions.get(slot(dutyCode, assetKey))) ?? suggestions.get(slot(dutyCode, GENERAL));

  const cells: TExpandedCell[] = [];
  for (const duty of [...duties].sort(compareDuties)) {
    if (!wanted.has(duty.code)) continue;
    const assetKeys =
      duty.appliesTo.length === 0
        ? [null]
        : template.assets.filter((a) => duty.appliesTo.includes(a.category)).map((a) => a.key);
    for (const assetKey of assetKeys) {
      const suggestion = pick(duty.code, assetKey);
      cells.push({
        dutyCode: duty.code,
        assetKey,
        assignment: suggestion?.assignment ?? null,
        terms: suggestion?.terms ?? null,
      });
    }
  }
  return cells;
}

/**
 * Problems between a template and a duty list that the template schema alone
 * cannot see: unknown duty codes, and suggestions that would land on no cell.
 * An empty array means the template fits the duties.
 */
export function validateTemplate(template: TCatalogTemplate, duties: readonly TDutyShape[]): string[] {
  const byCode = new Map(duties.map((d) => [d.code, d]));
  const problems: string[] = [];
  for (const code of template.dutyCodes) {
    if (!byCode.has(code)) problems.push(`${template.code}: unknown duty ${code}`);
  }
  for (const s of template.suggestions) {
    const duty = byCode.get(s.dutyCode);
    if (duty === undefined) continue;
    const at = `${template.code}: suggestion ${s.dutyCode} @ ${s.assetKey ?? GENERAL}`;
    if (s.assetKey === undefined) {
      const matches = duty.appliesTo.length === 0 || template.assets.some((a) => duty.appliesTo.includes(a.category));
      if (!matches) problems.push(`${at}: the duty applies to no asset of the template`);
    } else {
      const asset = template.assets.find((a) => a.key === s.assetKey);
      if (asset !== undefined && !duty.appliesTo.includes(asset.category)) {
        problems.push(`${at}: the duty does not apply to asset category ${asset.category}`);
      }
    }
  }
  return problems;
}
