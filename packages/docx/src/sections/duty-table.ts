import type { Paragraph, Table } from 'docx';
import type { TAnnexCell } from '../annex-input.ts';
import type { TItemRow, TPartyLabel, TSectionContext } from '../annex-model.ts';
import { dutyNumber, partyLabels, rolesOf } from '../annex-model.ts';
import type { TXmlTableSink } from '../deferred-tables.ts';
import { CELL_STATUS_LABELS, DUTY_CATEGORY_LABELS, FIRST_CHECK_LABELS, KAKUNINHYO_PART_LABELS, PHASE_LABELS } from '../labels.ts';
import { LANDSCAPE_WIDTH, SMALL, sum } from '../table.ts';
import type { TCellSize } from '../table.ts';
import { COLORS, formatDateShort, heading, para, pt } from '../text.ts';
import { xCell, xPara, xRow, xRuns } from '../wordml.ts';
import { byDuty, commonTerms, targetLine, termsLine, type TDutyRows, type TTermKey } from './duty-terms.ts';
import { notApplicableReason } from './item-cells.ts';

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


const dutyRow = (d: TDutyRows, common: Map<TTermKey, string>, ctx: TSectionContext, layout: TDutyTableLayout): string => {
  const { widths, size } = layout;
  const { duty } = d.first;
  const { officialItems, citations } = ctx.model;
  const shared = termsLine(common);
  const na = duty.notApplicableReason;
  // keepNext: a duty's row stays on the page of its first asset row.
  const body =
    xPara(xRuns(duty.title.ja, { bold: true }) + xRuns(` ［${PHASE_LABELS[duty.phase].ja}］ `, { color: COLORS.muted }) + xRuns(duty.description.ja), size, true) +
    xPara(
      xRuns(`根拠：${citations.get(duty.id) ?? ''}`, { color: COLORS.muted }) +
        (shared ? xRuns(`\u3000【共通条件】${shared}`) : '') +
        (na !== null ? xRuns(`\u3000${na ? `対象外：${na}` : '対象外'}`, { color: RED }) : ''),
      SMALL,
      true,
    );
  return xRow(
    xCell({ paras: xPara(xRuns(dutyNumber(ctx, duty), { bold: true }), size, true) }, { width: widths[0] ?? 0 }) +
      xCell({ paras: xPara(xRuns(officialItems.get(duty.id) ?? ''), SMALL, true) }, { width: widths[1] ?? 0 }) +
      xCell({ paras: body }, { width: sum(widths.slice(2)), span: widths.length - 2 }),
  );
};

/** 初回確認 on one line: 「はい 2026/11/02」. */
const firstCheckLine = (cell: TAnnexCell | null): string => {
  const k = cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return '';
  return `${FIRST_CHECK_LABELS[k.firstCheckAnswer]}${k.firstCheckOn ? ` ${formatDateShort(k.firstCheckOn)}` : ''}`;
};

const remarksOf = (row: TItemRow, common: Map<TTermKey, string>, size: TCellSize): string => {
  let out = '';
  const na = notApplicableReason(row);
  if (!row.cell) out += xPara(xRuns('（対象となる分担なし）', { color: COLORS.muted }), size);
  else if (na !== null && row.duty.notApplicableReason === null) out += xPara(xRuns(na ? `対象外：${na}` : '対象外', { color: RED }), size);
  else if (row.cell.status !== 'agreed' && na === null) out += xPara(xRuns(`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, { color: RED }), size);
  const own = na === null ? termsLine(termsOf(row.cell), common) : '';
  if (own) out += xPara(xRuns(own), size);
  const notes = row.cell?.kickoff.notes;
  if (notes) out += xPara(xRuns(`確認メモ：${notes}`, { color: COLORS.muted }), size);
  return out;
};

const termsOf = (cell: TAnnexCell | null): Map<TTermKey, string> => {
  const t = cell?.terms;
  return new Map<TTermKey, string>(t ? ([['responseTime', t.responseTime], ['frequency', t.frequency], ['evidence', t.evidence], ['remarks', t.remarks]] as const) : []);
};

/** The roles a party holds on the row, letters only (「R・A」), a dash when not applicable. */
const roles = (row: TItemRow, partyId: string, na: boolean): string => {
  if (na) return xRuns('—', { color: COLORS.faint });
  const held = rolesOf(row.cell, partyId);
  return held.length ? xRuns(held.join('・'), { bold: true }) : '';
};

const assetRow = (row: TItemRow, common: Map<TTermKey, string>, ctx: TSectionContext, layout: TDutyTableLayout): string => {
  const { widths, size } = layout;
  const { parties } = ctx.model;
  const n = parties.length;
  const w = (i: number): number => widths[i] ?? 0;
  const na = notApplicableReason(row) !== null;
  const done = row.cell?.kickoff.completedOn;
  return xRow(
    xCell({ runs: xRuns(dutyNumber(ctx, row.duty), { color: COLORS.muted }) }, { width: w(0), size: SMALL }) +
      xCell({ runs: '' }, { width: w(1), size: SMALL }) +
      xCell({ runs: xRuns(targetLine(row, ctx.model)) }, { width: w(2), size }) +
      parties.map((p, i) => xCell({ runs: roles(row, p.id, na) }, { width: w(3 + i), size })).join('') +
      xCell({ runs: xRuns(firstCheckLine(row.cell), row.cell?.kickoff.firstCheckAnswer === 'yes' ? { bold: true } : {}) }, { width: w(3 + n), size }) +
      xCell({ runs: done ? xRuns(formatDateShort(done)) : '' }, { width: w(4 + n), size }) +
      xCell({ paras: remarksOf(row, common, size) }, { width: w(5 + n), size }),
  );
};

const headerRowXml = ({ bilingual }: TSectionContext, layout: TDutyTableLayout, labels: TPartyLabel[]): string => {
  const { size, widths } = layout;
  const h = (ja: string, en: string): string => xPara(xRuns(ja, { bold: true }), size) + (bilingual ? xPara(xRuns(en, { color: COLORS.muted }), SMALL) : '');
  const heads = [
    h('項番', 'No.'),
    // Two lines that break where a reader would: 「確認表／項番」.
    xPara(xRuns('確認表', { bold: true }), SMALL) + xPara(xRuns('項番', { bold: true }), SMALL),
    h('対象', 'Assets'),
    ...labels.map((l) => xPara(xRuns(l.short, { bold: true }), size)),
    h('初回確認', 'First check'),
    h('完了日', 'Completed'),
    h('条件・備考', 'Terms, remarks'),
  ];
  return xRow(heads.map((paras, i) => xCell({ paras }, { width: widths[i] ?? 0, fill: COLORS.headerFill })).join(''), true);
};

const categoryRow = (text: string, layout: TDutyTableLayout): string =>
  xRow(xCell({ paras: xPara(text, layout.size, true) }, { width: sum(layout.widths), span: layout.widths.length, fill: COLORS.groupFill }));

export const dutyTableSection = (ctx: TSectionContext, no: number, layout: TDutyTableLayout, sink: TXmlTableSink): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const labels = partyLabels(model.parties, model.input, shortNameChars(layout.partyWidth));
  const head = headerRowXml(ctx, layout, model.parties.map((p) => labels.get(p.id)!));
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
          .join('\u3000／\u3000'),
      { size: pt(8.5) },
      { spacing: { after: 80 } },
    ),
  ];
  if (model.parts.length === 0) out.push(para('（責任項目なし）', { size: pt(9) }));
  let count = 0;
  for (const part of model.parts) {
    out.push(heading(KAKUNINHYO_PART_LABELS[part.part], bilingual, 2));
    count += part.groups.reduce((k, g) => k + g.rows.length, 0);
    // Rows are written when the package is, one at a time (never all in memory).
    out.push(
      sink(layout.widths, function* () {
        yield head;
        for (const group of part.groups) {
          const label = DUTY_CATEGORY_LABELS[group.category];
          yield categoryRow(xRuns(`■ ${label.ja}`, { bold: true }) + (bilingual ? xRuns(` ${label.en}`, { color: COLORS.muted }) : ''), layout);
          for (const d of byDuty(group.rows)) {
            const common = commonTerms(d.rows.filter((r) => r.cell && notApplicableReason(r) === null).map((r) => termsOf(r.cell)));
            yield dutyRow(d, common, ctx, layout);
            for (const row of d.rows) yield assetRow(row, common, ctx, layout);
          }
        }
      }),
    );
  }
  out.push(para(`（${count}行）`, { size: pt(8), color: COLORS.muted }, { alignment: 'right' }));
  return out;
};
