import type { TAnnexModel, TItemRow } from '../annex-model.ts';
import { ASSET_CATEGORY_LABELS } from '../labels.ts';

/** The printed terms of a cell (条件), in print order. */
export type TTermKey = 'responseTime' | 'frequency' | 'evidence' | 'remarks';
const TERM_LABELS: Record<TTermKey, string> = { responseTime: '対応時間：', frequency: '頻度：', evidence: '証跡：', remarks: '' };
const ORDER: TTermKey[] = ['responseTime', 'frequency', 'evidence', 'remarks'];

/** Terms every row of a duty states alike (non-empty and equal in all): printed once, on the duty's row. */
export const commonTerms = (rows: readonly Map<TTermKey, string>[]): Map<TTermKey, string> => {
  const out = new Map<TTermKey, string>();
  if (rows.length === 0) return out;
  for (const key of ORDER) {
    const first = rows[0]!.get(key) ?? '';
    if (first && rows.every((r) => (r.get(key) ?? '') === first)) out.set(key, first);
  }
  return out;
};

/** 「対応時間：4時間以内／頻度：月1回」: the terms given, minus those in `except` (the duty's common terms). */
export const termsLine = (terms: Map<TTermKey, string>, except: Map<TTermKey, string> = new Map()): string =>
  ORDER.filter((k) => terms.get(k) && !except.has(k))
    .map((k) => `${TERM_LABELS[k]}${terms.get(k)}`)
    .join('／');

/** Up to this many assets are named; more are counted per category with their numbers (「端末 ×24：A12–A35」). */
const NAMED = 3;

/** Asset numbers as ranges: A05–A15、A18、A20. */
export const numberRanges = (indexes: readonly number[], label: (i: number) => string): string => {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${label(sorted[i]!)}–${label(sorted[j]!)}` : sorted.slice(i, j + 1).map(label).join('、'));
    i = j + 1;
  }
  return parts.join('、');
};

/** 対象: 「案件全体」, the numbered names of a few assets, or counts and number ranges per category. */
export const targetLine = (row: TItemRow, model: TAnnexModel): string => {
  const assets = row.assets;
  const no = (id: string): string => model.assetNumbers.get(id) ?? '—';
  if (assets.length === 0) return row.cell && row.cell.assetId !== null ? '（不明な資産）' : '案件全体';
  if (assets.length <= NAMED) return assets.map((a) => `${no(a.id)} ${a.name}`).join('、');
  const byCategory = new Map<string, number[]>();
  for (const a of assets) {
    const label = ASSET_CATEGORY_LABELS[a.category].ja;
    const list = byCategory.get(label) ?? [];
    list.push(model.assetIndex.get(a.id) ?? -1);
    byCategory.set(label, list);
  }
  const label = (i: number): string => (i < 0 ? '—' : no(model.assets[i]!.id));
  return [...byCategory].map(([category, idx]) => `${category} ×${idx.length}：${numberRanges(idx, label)}`).join('／');
};

export type TDutyRows = { first: TItemRow; rows: TItemRow[] };

/** The rows of a category, duty by duty (the model keeps a duty's rows together, first row first). */
export const byDuty = (rows: readonly TItemRow[]): TDutyRows[] => {
  const out: TDutyRows[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && last.first.duty.id === row.duty.id) last.rows.push(row);
    else out.push({ first: row, rows: [row] });
  }
  return out;
};
