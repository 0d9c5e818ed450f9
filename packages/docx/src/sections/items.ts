import type { Paragraph, Table, TableRow } from 'docx';
import type { TItemRow, TPartyLabel, TSectionContext } from '../annex-model.ts';
import { partyLabels } from '../annex-model.ts';
import { DUTY_CATEGORY_LABELS, KAKUNINHYO_PART_LABELS, PARTY_ROLE_LABELS } from '../labels.ts';
import { bodyRow, cell, cellPara, eagerTable, headerRow, LANDSCAPE_WIDTH, PORTRAIT_WIDTH, repeatedGroupRow, SMALL, sum } from '../table.ts';
import type { TCellSize, TRowFactory } from '../table.ts';
import { COLORS, heading, labelRuns, para, pt, runs } from '../text.ts';
import { completedOn, firstCheck, itemContent, itemTitle, remarks, roleParagraphs } from './item-cells.ts';

/** Column layout of the item tables for a number of parties. */
export type TItemsLayout = { landscape: boolean; widths: number[]; size: TCellSize; partyWidth: number };

const MIN_PORTRAIT_CONTENT = 2400;
/** Wide enough for 「2026/11/02」 at 7.5 pt on one line: dates never break. */
const DATE_WIDTH = 1050;

type TWidths = { code: number; item: number; title: number; party: number; check: number; done: number; notes: number };

/**
 * 項番 / 確認表項番 / 項目 / 内容 / one column per party (略称) / 初回確認 / 完了日 / 備考. Portrait while 内容 keeps a
 * readable width (up to two parties), landscape beyond.
 */
export const itemsLayout = (partyCount: number): TItemsLayout => {
  const portrait = { code: 1000, item: 800, title: 1400, party: 700, check: DATE_WIDTH, done: DATE_WIDTH, notes: 1500 };
  const portraitFixed = portrait.code + portrait.item + portrait.title + portrait.check + portrait.done + portrait.notes;
  const portraitContent = PORTRAIT_WIDTH - portraitFixed - partyCount * portrait.party;
  if (portraitContent >= MIN_PORTRAIT_CONTENT) return { landscape: false, size: 15, partyWidth: portrait.party, widths: columns(portrait, portraitContent, partyCount) };
  const wide = { code: 1000, item: 850, title: 1800, check: DATE_WIDTH, done: DATE_WIDTH, notes: 2300 };
  const fixed = wide.code + wide.item + wide.title + wide.check + wide.done + wide.notes;
  const n = Math.max(1, partyCount);
  // Party columns hold a 略称 of at least two characters and the role letters; 内容 keeps about 3,000 twips.
  let party = Math.min(1000, Math.floor((LANDSCAPE_WIDTH - fixed - 3000) / n));
  if (party < 520) party = Math.max(420, Math.min(520, Math.floor((LANDSCAPE_WIDTH - fixed - 1600) / n)));
  const content = Math.max(1600, LANDSCAPE_WIDTH - fixed - party * partyCount);
  return { landscape: true, size: 15, partyWidth: party, widths: columns({ ...wide, party }, content, partyCount) };
};

const columns = (w: TWidths, content: number, partyCount: number): number[] => [
  w.code,
  w.item,
  w.title,
  content,
  ...Array.from({ length: partyCount }, () => w.party),
  w.check,
  w.done,
  w.notes,
];

/** How many characters of a 略称 fit a party column at 7.5 pt (CJK ≈ 150 twips, cell margins ≈ 220). */
const shortNameChars = (partyWidth: number): number => Math.max(2, Math.min(6, Math.floor((partyWidth - 220) / 150)));

const headerCells = ({ bilingual }: TSectionContext, size: TCellSize, parties: { label: TPartyLabel }[]): Paragraph[][] => {
  const h = (ja: string, en: string): Paragraph[] => [cellPara(runs(ja, { bold: true }), size), ...(bilingual ? [cellPara(runs(en, { color: COLORS.muted }), SMALL)] : [])];
  return [
    h('項番', 'No.'),
    h('確認表項番', 'Check-sheet'),
    h('項目', 'Item'),
    h('内容', 'Description'),
    ...parties.map((p) => [cellPara(runs(p.label.short, { bold: true }), size)]),
    h('初回確認', 'First check'),
    h('完了日', 'Completed'),
    h('備考', 'Remarks'),
  ];
};

const itemRow = (row: TItemRow, ctx: TSectionContext, layout: TItemsLayout): TableRow => {
  const { widths, size } = layout;
  const w = (i: number): number => widths[i] ?? 0;
  const { parties, officialItems, citations } = ctx.model;
  const n = parties.length;
  const official = officialItems.get(row.duty.id);
  return bodyRow([
    cell(runs(row.duty.code, row.first ? { bold: true } : {}), { width: w(0), size }),
    cell(runs(official && row.first ? official : ''), { width: w(1), size: SMALL }),
    cell(itemTitle(row, size), { width: w(2) }),
    cell(itemContent(row, size, citations.get(row.duty.id) ?? ''), { width: w(3) }),
    ...parties.map((p, i) => cell(roleParagraphs(row, p.id, size, false), { width: w(4 + i) })),
    cell(firstCheck(row), { width: w(4 + n), size }),
    cell(completedOn(row), { width: w(5 + n), size }),
    cell(remarks(row, size), { width: w(6 + n) }),
  ]);
};

/** 略称の凡例: short name → party and organization, above the tables. */
const legend = (ctx: TSectionContext, labels: Map<string, TPartyLabel>): Paragraph =>
  para(
    '当事者の略称：' +
      ctx.model.parties
        .map((p) => {
          const org = ctx.model.input.organizationNames[p.id];
          return `${labels.get(p.id)!.short}＝${p.displayName}${org && org !== p.displayName ? `（${org}）` : ''}・${PARTY_ROLE_LABELS[p.role].ja}`;
        })
        .join('　／　'),
    { size: pt(8.5) },
    { spacing: { after: 80 } },
  );

/**
 * 責任分担表, in the catalog's order (never claimed as the official 確認表 order): Part1 then Part2, one table per category whose column header and category heading
 * repeat on every page the table continues on.
 */
export const itemsSection = (ctx: TSectionContext, no: number, layout: TItemsLayout): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const labels = partyLabels(model.parties, model.input, shortNameChars(layout.partyWidth));
  const heads = headerCells(ctx, layout.size, model.parties.map((p) => ({ label: labels.get(p.id)! })));
  const out: (Paragraph | Table)[] = [
    heading({ ja: `${no}. 責任分担表`, en: 'Responsibility assignment' }, bilingual),
    para(
      '各項目について、当事者ごとの役割（R 実施／A 責任／C 協議／I 報告）、初回確認および完了日を示す。' +
        '項番は本書の項目番号、確認表項番は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の公式項番（確認できたもののみ）である。' +
        '資産ごとの分担・条件が同一の場合は一行にまとめて対象資産を示し、異なる資産のみ行を分けて示す。',
      { size: pt(9), color: COLORS.muted },
      { spacing: { after: 80 } },
    ),
    legend(ctx, labels),
  ];
  if (model.parts.length === 0) out.push(para('（責任項目なし）', { size: pt(9) }));
  for (const part of model.parts) {
    out.push(heading(KAKUNINHYO_PART_LABELS[part.part], bilingual, 2));
    for (const group of part.groups) {
      const label = DUTY_CATEGORY_LABELS[group.category];
      const rows: TRowFactory[] = [
        () => headerRow(heads, layout.widths, layout.size),
        () => repeatedGroupRow(labelRuns({ ja: `■ ${label.ja}`, en: label.en }, bilingual, { bold: true }), layout.widths, layout.size),
      ];
      for (const row of group.rows) rows.push(() => itemRow(row, ctx, layout));
      out.push((ctx.table ?? eagerTable)(rows, layout.widths));
    }
  }
  out.push(para(`（全${sum(model.parts.map((p) => p.groups.reduce((a, g) => a + g.rows.length, 0)))}行）`, { size: pt(8), color: COLORS.muted }, { alignment: 'right' }));
  return out;
};
