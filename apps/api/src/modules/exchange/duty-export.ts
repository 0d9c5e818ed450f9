import { formatReference } from '@bunkai/catalog';
import {
  ASSET_CATEGORY_LABELS,
  CONCERN_LABELS,
  DUTY_CATEGORY_LABELS,
  DUTY_IMPORT_COLUMNS,
  PHASE_LABELS,
  type TDutyDefinition,
  type TDutyImportColumn,
} from '@bunkai/domain';
import { ENGAGEMENT_WIDE_LABEL } from './labels.ts';
import type { SheetColumn } from './xlsx.ts';

const WIDTHS: Record<TDutyImportColumn, number> = {
  code: 11,
  title_ja: 36,
  title_en: 36,
  description_ja: 60,
  description_en: 60,
  phase: 11,
  category: 18,
  applies_to: 24,
  concerns: 18,
  part: 8,
  order: 8,
  kakuninhyo_item: 11,
  references: 50,
};

/** 「安全管理GL 6.0 運用編 §8.2 | note」, joined by 「; 」 — the form duty-import.ts reads back. */
const referencesText = (refs: TDutyDefinition['references']): string =>
  refs.map((r) => (r.note ? `${formatReference(r)} | ${r.note}` : formatReference(r))).join('; ');

/**
 * An engagement's duties (責任項目) as a table in exactly the import layout of
 * docs/import-format.md (canonical headers, Japanese labels, printed citations), so a file
 * exported here imports into another engagement as the same duties.
 */
export const dutyTable = (duties: readonly TDutyDefinition[]): { columns: SheetColumn[]; rows: string[][] } => {
  const columns = DUTY_IMPORT_COLUMNS.map((c) => ({ header: c.key, width: WIDTHS[c.key] }));
  const value = (d: TDutyDefinition, key: TDutyImportColumn): string => {
    switch (key) {
      case 'code':
        return d.code;
      case 'title_ja':
        return d.title.ja;
      case 'title_en':
        return d.title.en;
      case 'description_ja':
        return d.description.ja;
      case 'description_en':
        return d.description.en;
      case 'phase':
        return PHASE_LABELS[d.phase].ja;
      case 'category':
        return DUTY_CATEGORY_LABELS[d.category].ja;
      case 'applies_to':
        return d.appliesTo.length ? d.appliesTo.map((a) => ASSET_CATEGORY_LABELS[a].ja).join('、') : ENGAGEMENT_WIDE_LABEL;
      case 'concerns':
        return (d.concerns ?? []).map((c) => CONCERN_LABELS[c].ja).join('、');
      case 'part':
        return `Part${d.kakuninhyoPart}`;
      case 'order':
        return String(d.order);
      case 'kakuninhyo_item':
        return d.kakuninhyoItem ?? '';
      case 'references':
        return referencesText(d.references);
    }
  };
  return { columns, rows: duties.map((d) => DUTY_IMPORT_COLUMNS.map((c) => value(d, c.key))) };
};
