import type { TDutyDefinition, TLocalized, TTerms } from '@bunkai/domain';
import { compareDuties } from './duties/index.ts';
import type { TCatalogTemplate, TTemplateAssignment, TTemplateOpenCell, TTemplateSuggestion } from './templates/schema.ts';

/** One cell an engagement created from a template would have. */
export interface TExpandedCell {
  dutyCode: string;
  /** Template asset key; null for an engagement-wide cell. */
  assetKey: string | null;
  /** Suggested roles by party key; null where the template leaves the cell open. */
  assignment: TTemplateAssignment | null;
  /** Suggested terms; null when the suggestion has none (or there is no suggestion). */
  terms: TTerms | null;
  /** Why the template leaves this cell open; null for a suggested cell (or an unexplained gap). */
  openReason: TLocalized | null;
}

type TDutyShape = Pick<TDutyDefinition, 'code' | 'appliesTo' | 'kakuninhyoPart' | 'order'>;

const GENERAL = '*';
const slot = (dutyCode: string, assetKey: string) => `${dutyCode}\u0000${assetKey}`;

/**
 * Where a template puts a duty in the engagement's order: its leading duties first (the open
 * question the template is about, e.g. who patches the VPN appliance), then the catalog's own
 * part and order. Leading duties take part 1 with orders below every catalog order (catalog
 * orders start at 100). Pure.
 */
export function placeTemplateDuty(
  template: Pick<TCatalogTemplate, 'leadingDutyCodes'>,
  duty: Pick<TDutyDefinition, 'code' | 'kakuninhyoPart' | 'order'>,
): { kakuninhyoPart: 1 | 2; order: number } {
  const lead = template.leadingDutyCodes.indexOf(duty.code);
  return lead === -1 ? { kakuninhyoPart: duty.kakuninhyoPart, order: duty.order } : { kakuninhyoPart: 1, order: lead };
}

/**
 * The cells of an engagement created from `template`, in the template's order (leading duties
 * first, then catalog order) then template asset order: for each of `duties` listed in `template.dutyCodes`, one cell per
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

  const openReasons = new Map<string, TTemplateOpenCell>();
  for (const o of template.openCells) openReasons.set(slot(o.dutyCode, o.assetKey ?? GENERAL), o);
  const openReason = (dutyCode: string, assetKey: string | null) =>
    ((assetKey === null ? undefined : openReasons.get(slot(dutyCode, assetKey))) ?? openReasons.get(slot(dutyCode, GENERAL)))?.reason ?? null;
  const placed = [...duties].sort((a, b) =>
    compareDuties({ code: a.code, ...placeTemplateDuty(template, a) }, { code: b.code, ...placeTemplateDuty(template, b) }),
  );

  const cells: TExpandedCell[] = [];
  for (const duty of placed) {
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
        openReason: suggestion === undefined ? openReason(duty.code, assetKey) : null,
      });
    }
  }
  return cells;
}

/**
 * Problems between a template and a duty list that the template schema alone
 * cannot see: unknown duty codes, suggestions that would land on no cell, cells left open
 * without a reason, and open-cell reasons that explain no open cell.
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
  const cells = expandTemplate(template, duties);
  for (const c of cells) {
    if (c.assignment === null && c.openReason === null) problems.push(`${template.code}: ${c.dutyCode} @ ${c.assetKey ?? GENERAL} is open without a reason`);
  }
  for (const o of template.openCells) {
    const hit = cells.some((c) => c.dutyCode === o.dutyCode && c.assignment === null && (o.assetKey === undefined || c.assetKey === o.assetKey));
    if (!hit) problems.push(`${template.code}: open cell ${o.dutyCode} @ ${o.assetKey ?? GENERAL} is not open (or not a cell)`);
  }
  return problems;
}
