import { ASSET_CATEGORY_LABELS, CELL_STATUS_LABELS, DUTY_CATEGORY_LABELS, FIRST_CHECK_LABELS, KAKUNINHYO_PART_LABELS, PARTY_ROLE_LABELS, PHASE_LABELS } from '../labels.ts';
import { rolesOf, type TAnnexModel, type TItemRow } from '../model.ts';
import { FONT } from '../../../fonts.ts';
import { formatDateShort } from '../format.ts';
import { COLORS, type Doc, drawTable, heading, paragraph, run, type TCellContent, type TRow, writableWidth } from '../layout.ts';


const notApplicableReason = (row: TItemRow): string | null => {
  if (row.duty.notApplicableReason !== null) return row.duty.notApplicableReason;
  if (row.cell?.status === 'not_applicable') return row.cell.notApplicableReason ?? '';
  return null;
};

const titleCell = (row: TItemRow): TCellContent => {
  const out: TCellContent = row.first
    ? [run(row.duty.title.ja, { bold: true }), run(`［${PHASE_LABELS[row.duty.phase].ja}］`, { size: 6.5, color: COLORS.muted })]
    : [run(row.duty.title.ja, { size: 6.5, color: COLORS.faint })];
  if (row.asset) out.push(run(`対象：${row.asset.name}（${ASSET_CATEGORY_LABELS[row.asset.category].ja}）`, { size: 6.5 }));
  else if (row.cell && row.cell.assetId !== null) out.push(run('対象：（不明な資産）', { size: 6.5 }));
  return out;
};

/** 内容 with 根拠 as readable citations (the model's, as in the .docx), never the catalog's internal document ids. */
const contentCell = (row: TItemRow, citation: string): TCellContent => {
  if (!row.first) return [run('（同上）', { color: COLORS.faint })];
  return [run(row.duty.description.ja), ...(citation ? [run(`根拠：${citation}`, { size: 6.5, color: COLORS.muted })] : [])];
};

const roleCell = (row: TItemRow, partyId: string): TCellContent => {
  if (notApplicableReason(row) !== null) return [run('—', { color: COLORS.faint })];
  const roles = rolesOf(row.cell, partyId);
  return roles.length ? [run(roles.join('・'), { bold: true })] : [];
};

const remarksCell = (row: TItemRow): TCellContent => {
  const out: TCellContent = [];
  const na = notApplicableReason(row);
  if (!row.cell) out.push(run('（対象となる分担なし）', { color: COLORS.muted }));
  else if (na !== null) out.push(run(na ? `対象外：${na}` : '対象外', { color: COLORS.red }));
  else if (row.cell.status !== 'agreed') out.push(run(`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, { color: COLORS.red }));
  const terms = row.cell?.terms;
  if (terms && na === null) {
    if (terms.responseTime) out.push(run(`対応時間：${terms.responseTime}`));
    if (terms.frequency) out.push(run(`頻度：${terms.frequency}`));
    if (terms.evidence) out.push(run(`証跡：${terms.evidence}`));
    if (terms.remarks) out.push(run(terms.remarks));
  }
  const notes = row.cell?.kickoff.notes;
  if (notes) out.push(run(`確認メモ：${notes}`, { color: COLORS.muted }));
  return out;
};

const firstCheckCell = (row: TItemRow): TCellContent => {
  const k = row.cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return [];
  return [run(FIRST_CHECK_LABELS[k.firstCheckAnswer], k.firstCheckAnswer === 'yes' ? { bold: true } : {}), ...(k.firstCheckOn ? [run(formatDateShort(k.firstCheckOn))] : [])];
};

/** Column widths (points) for the landscape item table. */
export const itemWidths = (total: number, parties: number, coded: boolean): number[] => {
  const fixed = { code: 50, title: 112, check: 50, done: 50, notes: 118 };
  const rest = total - Object.values(fixed).reduce((a, b) => a + b, 0);
  // A coded column only holds the roles (「R・A・C」).
  const party = Math.max(30, Math.min(coded ? 36 : 58, Math.floor((rest - 200) / Math.max(1, parties))));
  return [fixed.code, fixed.title, rest - party * parties, ...Array.from({ length: parties }, () => party), fixed.check, fixed.done, fixed.notes];
};

/** 役割分担表 (Part 1 → Part 2, grouped by category), one table per part. */
export const drawItems = (doc: Doc, model: TAnnexModel, firstNo: number, newPage: () => void): number => {
  let short = false;
  const partyHead = (i: number): TCellContent => {
    const p = model.parties[i]!;
    // With codes, the role moves to the legend (a role label would break in the narrow column).
    return short ? [run(`P${i + 1}`, { bold: true })] : [run(p.displayName, { bold: true }), run(PARTY_ROLE_LABELS[p.role].ja, { size: 6, color: COLORS.muted })];
  };
  const header = (): TCellContent[] => [
    [run('項番', { bold: true })],
    [run('項目', { bold: true })],
    [run('内容', { bold: true })],
    ...model.parties.map((_, i) => partyHead(i)),
    [run('初回確認', { bold: true })],
    [run('完了日', { bold: true })],
    [run('備考', { bold: true })],
  ];
  let no = firstNo;
  for (const part of model.parts) {
    const title = `${no}. ${KAKUNINHYO_PART_LABELS[part.part].ja}`;
    newPage();
    // Party columns are headed by a code (P1…) with a legend whenever a name would not fit on one line: headers never break inside a name.
    const named = itemWidths(writableWidth(doc), model.parties.length, false);
    short = model.parties.some((p) => doc.font(FONT.bold).fontSize(7.5).widthOfString(p.displayName) > (named[3] ?? 0) - 6);
    const widths = short ? itemWidths(writableWidth(doc), model.parties.length, true) : named;
    heading(doc, title, KAKUNINHYO_PART_LABELS[part.part].en);
    const legend = short ? `当事者の略号：${model.parties.map((p, i) => `P${i + 1} ${p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`).join('\u3000')}` : '';
    if (legend) paragraph(doc, legend, { size: 8, color: COLORS.muted });
    const rows: TRow[] = part.groups.flatMap((g): TRow[] => [
      { kind: 'group', label: [run(DUTY_CATEGORY_LABELS[g.category].ja, { bold: true })] },
      ...g.rows.map(
        (row): TRow => ({
          kind: 'body',
          cells: [
            [run(row.duty.code, { size: 6.5 })],
            titleCell(row),
            contentCell(row, model.citations.get(row.duty.id) ?? ''),
            ...model.parties.map((p) => roleCell(row, p.id)),
            firstCheckCell(row),
            row.cell?.kickoff.completedOn ? [run(formatDateShort(row.cell.kickoff.completedOn))] : [],
            remarksCell(row),
          ],
        }),
      ),
    ]);
    drawTable(doc, { widths, header: header(), rows, size: 7.5 }, () => {
      newPage();
      // Every continuation page names its part and, with codes, repeats the legend.
      paragraph(doc, `${title}（続き）${legend ? `\u3000${legend}` : ''}`, { size: 8, color: COLORS.muted, gap: 2 });
    });
    no += 1;
  }
  return no;
};
