import type { Paragraph, TextRun } from 'docx';
import { formatReferences } from '@bunkai/catalog';
import { rolesOf } from '../annex-model.ts';
import type { TItemRow } from '../annex-model.ts';
import { ASSET_CATEGORY_LABELS, CELL_STATUS_LABELS, FIRST_CHECK_LABELS, PHASE_LABELS, RACI_LABELS } from '../labels.ts';
import { cellPara, SMALL } from '../table.ts';
import type { TCellSize } from '../table.ts';
import { COLORS, formatDateShort, runs } from '../text.ts';

/**
 * Cell contents shared by the item tables and the matrix. Sizes come from the
 * cell paragraph styles, so runs only carry bold and colour.
 */

const RED = 'B00020';

/** Reason a row is not applicable (the whole duty first, then the cell), if it is. */
export const notApplicableReason = (row: TItemRow): string | null => {
  if (row.duty.notApplicableReason !== null) return row.duty.notApplicableReason;
  if (row.cell?.status === 'not_applicable') return row.cell.notApplicableReason ?? '';
  return null;
};

/** One line per role the party holds (「R 実施」), letters only when `withLabel` is false, a dash when not applicable. */
export const roleParagraphs = (row: TItemRow, partyId: string, size: TCellSize, withLabel = true): Paragraph[] => {
  if (notApplicableReason(row) !== null) return [cellPara(runs('—', { color: COLORS.faint }), size)];
  const roles = rolesOf(row.cell, partyId);
  if (roles.length === 0) return [cellPara([], size)];
  if (!withLabel) return [cellPara(runs(roles.join('・'), { bold: true }), size)];
  return roles.map((r) => cellPara([...runs(r, { bold: true }), ...runs(` ${RACI_LABELS[r].ja}`)], size));
};

/** 「対象：name（category）」, or null for engagement-wide rows. */
export const assetLine = (row: TItemRow): string | null => {
  if (row.asset) return `対象：${row.asset.name}（${ASSET_CATEGORY_LABELS[row.asset.category].ja}）`;
  if (row.cell && row.cell.assetId !== null) return '対象：（不明な資産）';
  return null;
};

/** 項目: the duty title and phase (first row of the duty) and the asset the row is about. */
export const itemTitle = (row: TItemRow, size: TCellSize): Paragraph[] => {
  const out: Paragraph[] = [];
  if (row.first) {
    out.push(cellPara(runs(row.duty.title.ja, { bold: true }), size));
    out.push(cellPara(runs(`［${PHASE_LABELS[row.duty.phase].ja}］`, { color: COLORS.muted }), SMALL));
  } else {
    // Repeated in grey so a row continued on a new page still names its duty.
    out.push(cellPara(runs(row.duty.title.ja, { color: COLORS.faint }), SMALL));
  }
  const asset = assetLine(row);
  if (asset) out.push(cellPara(runs(asset), SMALL));
  return out.length > 0 ? out : [cellPara([], size)];
};

/** 内容: description and provenance on the duty's first row, 「（同上）」 after it. */
export const itemContent = (row: TItemRow, size: TCellSize): Paragraph[] => {
  if (!row.first) return [cellPara(runs('（同上）', { color: COLORS.faint }), size)];
  // Readable citations, never the catalog's internal document ids (mhlw-gl6-ops).
  const refs = formatReferences(row.duty.references);
  return [cellPara(runs(row.duty.description.ja), size), cellPara(runs(`根拠：${refs}`, { color: COLORS.muted }), SMALL)];
};

/** 初回確認: はい・いいえ and the date. */
export const firstCheck = (row: TItemRow): TextRun[] => {
  const k = row.cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return [];
  const date = k.firstCheckOn ? `\n${formatDateShort(k.firstCheckOn)}` : '';
  return runs(`${FIRST_CHECK_LABELS[k.firstCheckAnswer]}${date}`, k.firstCheckAnswer === 'yes' ? { bold: true } : {});
};

/** 完了日 */
export const completedOn = (row: TItemRow): TextRun[] => {
  const d = row.cell?.kickoff.completedOn;
  return d ? runs(formatDateShort(d)) : [];
};

/** 備考: status when not agreed, not-applicable reason, terms and kickoff notes. */
export const remarks = (row: TItemRow, size: TCellSize): Paragraph[] => {
  const lines: Array<[string, string?]> = [];
  const na = notApplicableReason(row);
  if (!row.cell) lines.push(['（対象となる分担なし）', COLORS.muted]);
  else if (na !== null) lines.push([na ? `対象外：${na}` : '対象外', RED]);
  else if (row.cell.status !== 'agreed') lines.push([`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, RED]);
  const terms = row.cell?.terms;
  if (terms && na === null) {
    if (terms.responseTime) lines.push([`対応時間：${terms.responseTime}`]);
    if (terms.frequency) lines.push([`頻度：${terms.frequency}`]);
    if (terms.evidence) lines.push([`証跡：${terms.evidence}`]);
    if (terms.remarks) lines.push([terms.remarks]);
  }
  const notes = row.cell?.kickoff.notes;
  if (notes) lines.push([`確認メモ：${notes}`, COLORS.muted]);
  if (lines.length === 0) return [cellPara([], size)];
  return lines.map(([text, color]) => cellPara(runs(text, color ? { color } : {}), size));
};
