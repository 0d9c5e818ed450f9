import type { Paragraph, Table, TableRow } from 'docx';
import type { TItemRow, TSectionContext } from '../annex-model.ts';
import { DUTY_CATEGORY_LABELS, KAKUNINHYO_PART_LABELS, PARTY_ROLE_LABELS } from '../labels.ts';
import { bodyRow, cell, cellPara, eagerTable, groupRow, headerRow, LANDSCAPE_WIDTH, PORTRAIT_WIDTH, SMALL, sum } from '../table.ts';
import type { TCellSize, TRowFactory } from '../table.ts';
import { COLORS, heading, labelRuns, para, pt, runs } from '../text.ts';
import { completedOn, firstCheck, itemContent, itemTitle, remarks, roleParagraphs } from './item-cells.ts';

/** Column layout of the item tables for a number of parties. */
export type TItemsLayout = { landscape: boolean; widths: number[]; size: TCellSize };

const MIN_PORTRAIT_CONTENT = 2400;

/**
 * 項番 / 確認表項番 / 項目 / 内容 / one column per party / 初回確認 / 完了日 / 備考. 項番 is the catalog's
 * own number (P1-001); 確認表項番 is filled only where the official number is known. Portrait
 * while 内容 keeps a readable width (up to two parties), landscape beyond.
 */
export const itemsLayout = (partyCount: number): TItemsLayout => {
  const portrait = { code: 900, official: 700, title: 1400, party: 780, check: 850, done: 850, notes: 1300 };
  const portraitFixed = portrait.code + portrait.official + portrait.title + portrait.check + portrait.done + portrait.notes;
  const portraitContent = PORTRAIT_WIDTH - portraitFixed - partyCount * portrait.party;
  if (portraitContent >= MIN_PORTRAIT_CONTENT) {
    return { landscape: false, size: 15, widths: columns(portrait, portraitContent, partyCount) };
  }
  // Party columns fit a six-character name (「デモ総合病院」) on one line at 7.5 pt; 内容 keeps about 3,400 twips.
  const wide = { code: 900, official: 750, title: 1750, check: 850, done: 850, notes: 1750 };
  const fixed = wide.code + wide.official + wide.title + wide.check + wide.done + wide.notes;
  const n = Math.max(1, partyCount);
  let party = Math.min(1150, Math.floor((LANDSCAPE_WIDTH - fixed - 3400) / n));
  if (party < 620) party = Math.max(420, Math.min(620, Math.floor((LANDSCAPE_WIDTH - fixed - 1600) / n)));
  const content = Math.max(1600, LANDSCAPE_WIDTH - fixed - party * partyCount);
  return { landscape: true, size: 15, widths: columns({ ...wide, party }, content, partyCount) };
};

const columns = (
  w: { code: number; official: number; title: number; party: number; check: number; done: number; notes: number },
  content: number,
  partyCount: number,
): number[] => [w.code, w.official, w.title, content, ...Array.from({ length: partyCount }, () => w.party), w.check, w.done, w.notes];

const headerCells = ({ model, bilingual }: TSectionContext, size: TCellSize): Paragraph[][] => {
  const h = (ja: string, en: string): Paragraph[] => [
    cellPara(runs(ja, { bold: true }), size),
    ...(bilingual ? [cellPara(runs(en, { color: COLORS.muted }), SMALL)] : []),
  ];
  const partyHeads = model.parties.map((p) => [
    cellPara(runs(p.displayName, { bold: true }), size),
    cellPara(runs(PARTY_ROLE_LABELS[p.role].ja, { color: COLORS.muted }), SMALL),
  ]);
  return [
    h('項番', 'No.'),
    h('確認表項番', 'Sheet No.'),
    h('項目', 'Item'),
    h('内容', 'Description'),
    ...partyHeads,
    h('初回確認', 'First check'),
    h('完了日', 'Completed'),
    h('備考', 'Remarks'),
  ];
};

const itemRow = (row: TItemRow, ctx: TSectionContext, layout: TItemsLayout): TableRow => {
  const { widths, size } = layout;
  const w = (i: number): number => widths[i] ?? 0;
  const parties = ctx.model.parties;
  const n = parties.length;
  const no = ctx.model.itemNumbers.get(row.duty.code) ?? '';
  return bodyRow([
    cell([cellPara(runs(no, row.first ? { bold: true } : {}), size), cellPara(runs(row.duty.code, { color: COLORS.muted }), SMALL)], { width: w(0) }),
    cell(runs(row.duty.kakuninhyoItem ?? ''), { width: w(1), size }),
    cell(itemTitle(row, size), { width: w(2) }),
    cell(itemContent(row, size), { width: w(3) }),
    ...parties.map((p, i) => cell(roleParagraphs(row, p.id, size), { width: w(4 + i) })),
    cell(firstCheck(row), { width: w(4 + n), size }),
    cell(completedOn(row), { width: w(5 + n), size }),
    cell(remarks(row, size), { width: w(6 + n) }),
  ]);
};

/**
 * The item tables (責任分担表): Part1 then Part2, grouped by category, in the catalog's own order. Only the
 * 確認表項番 column carries official numbers, and only where they are known.
 */
export const itemsSection = (ctx: TSectionContext, no: number, layout: TItemsLayout): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const out: (Paragraph | Table)[] = [
    heading({ ja: `${no}. 責任分担表`, en: 'Responsibility table' }, bilingual),
    para(
      '各項目について、当事者ごとの役割（R 実施／A 責任／C 協議／I 報告）、初回確認および完了日を示す。' +
        '資産ごとに分担が定められた項目は、資産ごとに行を分けて示す。' +
        '項番（P1-001 等）と項目の並びは本システムの責任項目カタログによるもので、確認表の項番・順序ではない。' +
        '「確認表項番」欄は、公式の確認表の項番が確認できた項目に限り記載する。',
      { size: pt(9), color: COLORS.muted },
      { spacing: { after: 80 } },
    ),
  ];
  if (model.parts.length === 0) out.push(para('（責任項目なし）', { size: pt(9) }));
  for (const part of model.parts) {
    out.push(heading(KAKUNINHYO_PART_LABELS[part.part], bilingual, 2));
    const rows: TRowFactory[] = [() => headerRow(headerCells(ctx, layout.size), layout.widths)];
    for (const group of part.groups) {
      const label = DUTY_CATEGORY_LABELS[group.category];
      rows.push(() => groupRow(labelRuns({ ja: `■ ${label.ja}`, en: label.en }, bilingual, { bold: true, size: layout.size }), layout.widths, layout.size));
      for (const row of group.rows) rows.push(() => itemRow(row, ctx, layout));
    }
    out.push((ctx.table ?? eagerTable)(rows, layout.widths));
  }
  out.push(para(`（全${sum(model.parts.map((p) => p.groups.reduce((a, g) => a + g.rows.length, 0)))}行）`, { size: pt(8), color: COLORS.muted }, { alignment: 'right' }));
  return out;
};
