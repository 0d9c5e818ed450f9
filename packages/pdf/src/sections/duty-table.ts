import { CELL_STATUS_LABELS, DUTY_CATEGORY_LABELS, FIRST_CHECK_LABELS, KAKUNINHYO_PART_LABELS, PHASE_LABELS, rolesOf, type TAnnexModel, type TItemRow } from '@bunkai/docx';
import { formatDateShort } from '../format.ts';
import { bottomOf, COLORS, type Doc, drawTable, heading, paragraph, run, type TCellContent, type TRow, writableWidth } from '../layout.ts';
import { byDuty, commonTerms, targetLine, termsLine, termsOf, type TDutyRows, type TTermKey } from './duty-terms.ts';
import { columnLabels, HEADER_SIZE, legendOf, notApplicableReason } from './items.ts';

/**
 * 責任分担表, format 3 (landscape), as the .docx format 3 lays it out: each duty is one full-width row — 項番 (P1-001,
 * numbered as the web), 確認表項番, title, phase, description, 根拠 and the terms all its rows share (【共通条件】) — followed
 * by one short row per group of assets sharing an assignment: 対象 (numbers from the 資産一覧), the role letters per
 * party (略称), 初回確認 on one line, 完了日 and only the terms that differ. Every row carries its 項番 and its 対象, so a
 * continuation page always says which duty and which assets it is about.
 */

/** Column widths (points): 項番, 確認表項番, 対象, parties, 初回確認, 完了日, 条件・備考 (as the .docx's twips / 20). */
export const dutyTableWidths = (total: number, parties: number): number[] => {
  const fixed = { no: 42, official: 48, target: 124, check: 66, done: 46 };
  const head = Object.values(fixed).reduce((a, b) => a + b, 0);
  // 確認表項番 fits 「Part1 1-①」 on one line at 6.5 pt: codes never break. 条件・備考 keeps about 190 points; party columns share the rest, at most 45 (「R・A・C」 on one line).
  const party = Math.max(24, Math.min(45, Math.floor((total - head - 190) / Math.max(1, parties))));
  const notes = total - head - party * parties;
  return [fixed.no, fixed.official, fixed.target, ...Array.from({ length: parties }, () => party), fixed.check, fixed.done, notes];
};


const dutyRow = (d: TDutyRows, common: Map<TTermKey, string>, model: TAnnexModel, columns: number): TRow => {
  const { duty } = d.first;
  const shared = termsLine(common);
  const na = duty.notApplicableReason;
  const official = model.officialItems.get(duty.id);
  const citation = model.citations.get(duty.id) ?? '';
  const body: TCellContent = [
    run(duty.title.ja, { bold: true }),
    run(` ［${PHASE_LABELS[duty.phase].ja}］ `, { color: COLORS.muted, join: true }),
    run(duty.description.ja, { join: true }),
    run(`根拠：${citation}`, { size: 6.5, color: COLORS.muted }),
    ...(shared ? [run(`\u3000【共通条件】${shared}`, { size: 6.5, join: true })] : []),
    ...(na !== null ? [run(`\u3000${na ? `対象外：${na}` : '対象外'}`, { size: 6.5, color: COLORS.red, join: true })] : []),
  ];
  return {
    kind: 'body',
    keepNext: true,
    spans: [1, 1, columns - 2],
    cells: [[run(model.itemNumbers.get(duty.id) ?? duty.code, { bold: true })], official ? [run(official, { size: 6.5 })] : [], body],
  };
};

/** 初回確認 on one line: 「はい 2026/11/02」. */
const firstCheckCell = (row: TItemRow): TCellContent => {
  const k = row.cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return [];
  return [run(`${FIRST_CHECK_LABELS[k.firstCheckAnswer]}${k.firstCheckOn ? ` ${formatDateShort(k.firstCheckOn)}` : ''}`, k.firstCheckAnswer === 'yes' ? { bold: true } : {})];
};

const remarksCell = (row: TItemRow, common: Map<TTermKey, string>): TCellContent => {
  const out: TCellContent = [];
  const na = notApplicableReason(row);
  if (!row.cell) out.push(run('（対象となる分担なし）', { color: COLORS.muted }));
  else if (na !== null && row.duty.notApplicableReason === null) out.push(run(na ? `対象外：${na}` : '対象外', { color: COLORS.red }));
  else if (row.cell.status !== 'agreed' && na === null) out.push(run(`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, { color: COLORS.red }));
  const own = na === null ? termsLine(termsOf(row.cell), common) : '';
  if (own) out.push(run(own));
  const notes = row.cell?.kickoff.notes;
  if (notes) out.push(run(`確認メモ：${notes}`, { color: COLORS.muted }));
  return out;
};

const assetRow = (row: TItemRow, common: Map<TTermKey, string>, model: TAnnexModel): TRow => {
  const na = notApplicableReason(row) !== null;
  const done = row.cell?.kickoff.completedOn;
  return {
    kind: 'body',
    cells: [
      [run(model.itemNumbers.get(row.duty.id) ?? row.duty.code, { size: 6.5, color: COLORS.muted })],
      [],
      [run(targetLine(row, model))],
      ...model.parties.map((p): TCellContent => {
        if (na) return [run('—', { color: COLORS.faint })];
        const held = rolesOf(row.cell, p.id);
        return held.length ? [run(held.join('・'), { bold: true })] : [];
      }),
      firstCheckCell(row),
      done ? [run(formatDateShort(done))] : [],
      remarksCell(row, common),
    ],
  };
};

/** The rows of one part: a category row, then per duty its duty row and its asset rows. */
const partRows = (model: TAnnexModel, groups: TAnnexModel['parts'][number]['groups'], columns: number): TRow[] =>
  groups.flatMap((g): TRow[] => [
    { kind: 'group', label: [run(`■ ${DUTY_CATEGORY_LABELS[g.category].ja}`, { bold: true })] },
    ...byDuty(g.rows).flatMap((d): TRow[] => {
      const common = commonTerms(d.rows.filter((r) => r.cell && notApplicableReason(r) === null).map((r) => termsOf(r.cell)));
      return [dutyRow(d, common, model, columns), ...d.rows.map((r) => assetRow(r, common, model))];
    }),
  ]);

/** Room a part needs below its heading to start on the current page: heading, header row and a duty with a row. */
const PART_START = 110;

export const drawDutyTable = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): void => {
  newPage();
  const widths = dutyTableWidths(writableWidth(doc), model.parties.length);
  const labels = columnLabels(doc, model, widths[3] ?? 0);
  const legend = legendOf(model, labels);
  heading(doc, `${no}. 責任分担表`, 'Responsibility assignment');
  paragraph(
    doc,
    '責任項目ごとに、項番・確認表項番・項目・内容・根拠と、その項目のすべての行に共通する条件を一行に示し、その下に対象資産ごとの分担を示す。' +
      '役割は R 実施／A 責任／C 協議／I 報告。項番は本書・画面・出力ファイルに共通の項目番号、確認表項番は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の公式項番（確認できたもののみ）である。' +
      '対象の資産番号（A01 等）は資産一覧による。分担・条件が同一の資産は一行にまとめ、条件・備考欄には共通条件と異なるものだけを示す。',
    { size: 8, color: COLORS.muted, gap: 2 },
  );
  paragraph(doc, legend, { size: 8, color: COLORS.muted });
  if (model.parts.length === 0) paragraph(doc, '（責任項目なし）', { size: 9 });
  const header: TCellContent[] = [
    [run('項番', { bold: true })],
    [run('確認表', { bold: true, size: 6.5 }), run('項番', { bold: true, size: 6.5 })],
    [run('対象', { bold: true })],
    ...model.parties.map((p) => [run(labels.get(p.id) ?? p.displayName, { bold: true, size: HEADER_SIZE })]),
    [run('初回確認', { bold: true })],
    [run('完了日', { bold: true })],
    [run('条件・備考', { bold: true })],
  ];
  let rows = 0;
  for (const part of model.parts) {
    const title = `${no}. 責任分担表 ${KAKUNINHYO_PART_LABELS[part.part].ja}`;
    if (doc.y + PART_START > bottomOf(doc)) newPage();
    paragraph(doc, KAKUNINHYO_PART_LABELS[part.part].ja, { size: 10.5, bold: true, gap: 3 });
    rows += part.groups.reduce((k, g) => k + g.rows.length, 0);
    drawTable(doc, { widths, header, rows: partRows(model, part.groups, widths.length), size: 7.5, pad: 2 }, () => {
      newPage();
      // Every continuation page names its part; the 略称 are in the header.
      paragraph(doc, `${title}（続き）`, { size: 8, color: COLORS.muted, gap: 2 });
    });
  }
  paragraph(doc, `（${rows}行）`, { size: 8, color: COLORS.muted, align: 'left' });
};
