import type { Paragraph, Table, TableRow } from 'docx';
import type { TAnnexCell } from '../annex-input.ts';
import type { TItemRow, TPartyLabel, TSectionContext } from '../annex-model.ts';
import { dutyNumber, partyLabels } from '../annex-model.ts';
import { CELL_STATUS_LABELS, DUTY_CATEGORY_LABELS, FIRST_CHECK_LABELS, KAKUNINHYO_PART_LABELS, PHASE_LABELS } from '../labels.ts';
import { bodyRow, cell, cellPara, eagerTable, groupRow, headerRow, LANDSCAPE_WIDTH, SMALL, sum } from '../table.ts';
import type { TCellSize, TRowFactory } from '../table.ts';
import { COLORS, formatDateShort, heading, labelRuns, para, pt, runs } from '../text.ts';
import { commonTerms, targetLine, termsLine, type TTermKey } from './duty-terms.ts';
import { notApplicableReason, roleParagraphs } from './item-cells.ts';

/**
 * 責任分担表, format 3 (landscape). Each duty is one full-width row — 項番, 確認表項番, title, phase, description,
 * 根拠 and the terms every one of its rows shares — followed by one short row per group of assets that share an
 * assignment: 対象 (asset numbers from the 資産一覧), the roles per party (略称), 初回確認, 完了日 and only the terms
 * that row does not share. One table per part, whose column header repeats on every page; every row carries its
 * 項番 and its 対象, so a continuation page always says which duty and which assets it is about.
 */

export type TDutyTableLayout = { widths: number[]; size: TCellSize; partyWidth: number };

/** 「はい 2026/11/02」 on one line at 7.5 pt; 「2026/11/02」 alone for 完了日: dates never break. */
const CHECK_WIDTH = 1450;
const DONE_WIDTH = 1000;

export const dutyTableLayout = (partyCount: number): TDutyTableLayout => {
  const fixed = { no: 820, official: 700, target: 2300 };
  const head = fixed.no + fixed.official + fixed.target + CHECK_WIDTH + DONE_WIDTH;
  const n = Math.max(1, partyCount);
  // 条件・備考 keeps about 4,200 twips (some 27 characters a line); party columns share the rest, at most 900.
  const party = Math.max(420, Math.min(900, Math.floor((LANDSCAPE_WIDTH - head - 4200) / n)));
  const notes = Math.max(2000, LANDSCAPE_WIDTH - head - party * partyCount);
  return {
    size: 15,
    partyWidth: party,
    widths: [fixed.no, fixed.official, fixed.target, ...Array.from({ length: partyCount }, () => party), CHECK_WIDTH, DONE_WIDTH, notes],
  };
};

/** How many characters of a 略称 fit a party column at 7.5 pt (CJK ≈ 150 twips, cell margins ≈ 220). */
const shortNameChars = (partyWidth: number): number => Math.max(2, Math.min(6, Math.floor((partyWidth - 220) / 150)));

const RED = 'B00020';

type TDutyRows = { first: TItemRow; rows: TItemRow[] };

/** The rows of a category, duty by duty (the model keeps a duty's rows together, first row first). */
const byDuty = (rows: readonly TItemRow[]): TDutyRows[] => {
  const out: TDutyRows[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && last.first.duty.id === row.duty.id) last.rows.push(row);
    else out.push({ first: row, rows: [row] });
  }
  return out;
};

const dutyRow = (d: TDutyRows, common: Map<TTermKey, string>, ctx: TSectionContext, layout: TDutyTableLayout): TableRow => {
  const { widths, size } = layout;
  const { duty } = d.first;
  const { officialItems, citations } = ctx.model;
  const shared = termsLine(common);
  const na = duty.notApplicableReason;
  const body: Paragraph[] = [
    cellPara([...runs(duty.title.ja, { bold: true }), ...runs(` ［${PHASE_LABELS[duty.phase].ja}］ `, { color: COLORS.muted }), ...runs(duty.description.ja)], size),
    cellPara(
      [
        ...runs(`根拠：${citations.get(duty.id) ?? ''}`, { color: COLORS.muted }),
        ...(shared ? runs(`　【共通条件】${shared}`) : []),
        ...(na !== null ? runs(`　${na ? `対象外：${na}` : '対象外'}`, { color: RED }) : []),
      ],
      SMALL,
    ),
  ];
  return bodyRow(
    [
      cell(runs(dutyNumber(ctx, duty), { bold: true }), { width: widths[0] ?? 0, size }),
      cell(runs(officialItems.get(duty.id) ?? ''), { width: widths[1] ?? 0, size: SMALL }),
      cell(body, { width: sum(widths.slice(2)), span: widths.length - 2 }),
    ],
    true,
  );
};

/** 初回確認 on one line: 「はい 2026/11/02」. */
const firstCheckLine = (cell: TAnnexCell | null): string => {
  const k = cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return '';
  return `${FIRST_CHECK_LABELS[k.firstCheckAnswer]}${k.firstCheckOn ? ` ${formatDateShort(k.firstCheckOn)}` : ''}`;
};

const remarksOf = (row: TItemRow, common: Map<TTermKey, string>, size: TCellSize): Paragraph[] => {
  const out: Paragraph[] = [];
  const na = notApplicableReason(row);
  if (!row.cell) out.push(cellPara(runs('（対象となる分担なし）', { color: COLORS.muted }), size));
  else if (na !== null && row.duty.notApplicableReason === null) out.push(cellPara(runs(na ? `対象外：${na}` : '対象外', { color: RED }), size));
  else if (row.cell.status !== 'agreed' && na === null) out.push(cellPara(runs(`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, { color: RED }), size));
  const own = na === null ? termsLine(termsOf(row.cell), common) : '';
  if (own) out.push(cellPara(runs(own), size));
  const notes = row.cell?.kickoff.notes;
  if (notes) out.push(cellPara(runs(`確認メモ：${notes}`, { color: COLORS.muted }), size));
  return out.length ? out : [cellPara([], size)];
};

const termsOf = (cell: TAnnexCell | null): Map<TTermKey, string> => {
  const t = cell?.terms;
  return new Map<TTermKey, string>(t ? ([['responseTime', t.responseTime], ['frequency', t.frequency], ['evidence', t.evidence], ['remarks', t.remarks]] as const) : []);
};

const assetRow = (row: TItemRow, common: Map<TTermKey, string>, ctx: TSectionContext, layout: TDutyTableLayout): TableRow => {
  const { widths, size } = layout;
  const { parties } = ctx.model;
  const n = parties.length;
  const w = (i: number): number => widths[i] ?? 0;
  const check = firstCheckLine(row.cell);
  return bodyRow([
    cell(runs(dutyNumber(ctx, row.duty), { color: COLORS.muted }), { width: w(0), size: SMALL }),
    cell([], { width: w(1), size: SMALL }),
    cell(runs(targetLine(row, ctx.model)), { width: w(2), size }),
    ...parties.map((p, i) => cell(roleParagraphs(row, p.id, size, false), { width: w(3 + i) })),
    cell(runs(check, row.cell?.kickoff.firstCheckAnswer === 'yes' ? { bold: true } : {}), { width: w(3 + n), size }),
    cell(runs(row.cell?.kickoff.completedOn ? formatDateShort(row.cell.kickoff.completedOn) : ''), { width: w(4 + n), size }),
    cell(remarksOf(row, common, size), { width: w(5 + n) }),
  ]);
};

const headerCells = ({ bilingual }: TSectionContext, size: TCellSize, labels: TPartyLabel[]): Paragraph[][] => {
  const h = (ja: string, en: string): Paragraph[] => [cellPara(runs(ja, { bold: true }), size), ...(bilingual ? [cellPara(runs(en, { color: COLORS.muted }), SMALL)] : [])];
  return [
    h('項番', 'No.'),
    // Two lines that break where a reader would: 「確認表／項番」.
    [cellPara(runs('確認表', { bold: true }), SMALL), cellPara(runs('項番', { bold: true }), SMALL)],
    h('対象', 'Assets'),
    ...labels.map((l) => [cellPara(runs(l.short, { bold: true }), size)]),
    h('初回確認', 'First check'),
    h('完了日', 'Completed'),
    h('条件・備考', 'Terms, remarks'),
  ];
};

export const dutyTableSection = (ctx: TSectionContext, no: number, layout: TDutyTableLayout): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const labels = partyLabels(model.parties, model.input, shortNameChars(layout.partyWidth));
  const heads = headerCells(ctx, layout.size, model.parties.map((p) => labels.get(p.id)!));
  const out: (Paragraph | Table)[] = [
    heading({ ja: `${no}. 責任分担表`, en: 'Responsibility assignment' }, bilingual),
    para(
      '責任項目ごとに、項番・確認表項番・項目・内容・根拠と、その項目のすべての行に共通する条件を一行に示し、その下に対象資産ごとの分担を示す。' +
        '役割は R 実施／A 責任／C 協議／I 報告。項番は本書・画面・出力ファイルに共通の項目番号、確認表項番は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の公式項番（確認できたもののみ）である。' +
        '対象の資産番号（A01 等）は資産一覧による。分担・条件が同一の資産は一行にまとめ、条件・備考欄には共通条件と異なるものだけを示す。',
      { size: pt(8.5), color: COLORS.muted },
      { spacing: { after: 60 } },
    ),
    para(
      '当事者の略称：' +
        model.parties
          .map((p) => {
            const org = model.input.organizationNames[p.id];
            return `${labels.get(p.id)!.short}＝${p.displayName}${org && org !== p.displayName ? `（${org}）` : ''}`;
          })
          .join('　／　'),
      { size: pt(8.5) },
      { spacing: { after: 80 } },
    ),
  ];
  if (model.parts.length === 0) out.push(para('（責任項目なし）', { size: pt(9) }));
  let count = 0;
  for (const part of model.parts) {
    out.push(heading(KAKUNINHYO_PART_LABELS[part.part], bilingual, 2));
    const rows: TRowFactory[] = [() => headerRow(heads, layout.widths, layout.size)];
    for (const group of part.groups) {
      const label = DUTY_CATEGORY_LABELS[group.category];
      rows.push(() => groupRow(labelRuns({ ja: `■ ${label.ja}`, en: label.en }, bilingual, { bold: true }), layout.widths, layout.size));
      for (const d of byDuty(group.rows)) {
        const common = commonTerms(d.rows.filter((r) => r.cell && notApplicableReason(r) === null).map((r) => termsOf(r.cell)));
        rows.push(() => dutyRow(d, common, ctx, layout));
        for (const row of d.rows) rows.push(() => assetRow(row, common, ctx, layout));
        count += d.rows.length;
      }
    }
    out.push((ctx.table ?? eagerTable)(rows, layout.widths));
  }
  out.push(para(`（${count}行）`, { size: pt(8), color: COLORS.muted }, { alignment: 'right' }));
  return out;
};
