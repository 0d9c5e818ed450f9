import type { Paragraph, Table, TableRow } from 'docx';
import type { TAsset } from '@bunkai/domain';
import { dutyNumber, type TItemRow, type TMatrixBlock, type TSectionContext } from '../annex-model.ts';
import { ASSET_CATEGORY_LABELS, CELL_STATUS_LABELS, PHASE_LABELS } from '../labels.ts';
import { bodyRow, cell, cellPara, eagerTable, groupRow, headerRow, LANDSCAPE_WIDTH, repeatedGroupRow, SMALL } from '../table.ts';
import type { TCellSize, TRowFactory } from '../table.ts';
import { COLORS, formatDateShort, heading, para, pt, runs } from '../text.ts';
import { notApplicableReason, roleParagraphs } from './item-cells.ts';

const SIZE: TCellSize = 14;

/** 項番 / 責任項目 / 区分 / one narrow column per party / 状態. */
export const matrixWidths = (partyCount: number): number[] => {
  const fixed = { code: 900, phase: 900, status: 820 };
  const minTitle = 3600;
  const free = LANDSCAPE_WIDTH - fixed.code - fixed.phase - fixed.status - minTitle;
  // Titles are short here; wide party columns keep names like 「リモート保守回線事業者」 on one or two lines.
  const party = Math.max(480, Math.min(1700, Math.floor(free / Math.max(1, partyCount))));
  const title = LANDSCAPE_WIDTH - fixed.code - fixed.phase - fixed.status - party * partyCount;
  return [fixed.code, Math.max(2400, title), fixed.phase, ...Array.from({ length: partyCount }, () => party), fixed.status];
};

const assetHeading = (asset: TAsset | null, ctx: TSectionContext): Paragraph[] => {
  if (!asset) {
    return [cellPara(runs('■ 案件全体（資産に依存しない項目）', { bold: true }), SIZE)];
  }
  const owner = asset.ownerPartyId ? ctx.model.partyById.get(asset.ownerPartyId) : undefined;
  const details = [
    ASSET_CATEGORY_LABELS[asset.category].ja,
    owner ? `所有者：${owner.displayName}` : '所有者：未設定',
    [asset.vendor, asset.model, asset.assetVersion].filter(Boolean).join(' '),
    asset.supportEndsOn ? `サポート終了：${formatDateShort(asset.supportEndsOn)}` : '',
  ].filter(Boolean);
  return [
    cellPara(
      [...runs(`■ ${asset.name}`, { bold: true }), ...runs(`\u3000${details.join('／')}`, { size: SMALL, color: COLORS.muted })],
      SIZE,
    ),
  ];
};

const matrixRow = (row: TItemRow, ctx: TSectionContext, widths: number[]): TableRow => {
  const w = (i: number): number => widths[i] ?? 0;
  const parties = ctx.model.parties;
  const na = notApplicableReason(row);
  const status = na !== null ? CELL_STATUS_LABELS.not_applicable : row.cell ? CELL_STATUS_LABELS[row.cell.status] : null;
  const statusColor = row.cell?.status === 'agreed' && na === null ? COLORS.text : 'B00020';
  return bodyRow([
    cell(runs(dutyNumber(ctx, row.duty)), { width: w(0), size: SIZE }),
    cell(runs(row.duty.title.ja), { width: w(1), size: SIZE }),
    cell(runs(PHASE_LABELS[row.duty.phase].ja), { width: w(2), size: SMALL }),
    ...parties.map((p, i) => cell(roleParagraphs(row, p.id, SIZE, false), { width: w(3 + i) })),
    cell(status ? runs(status.ja, { color: statusColor }) : [], { width: w(3 + parties.length), size: SMALL }),
  ]);
};

const blockRows = (block: TMatrixBlock, ctx: TSectionContext, widths: number[]): TRowFactory[] => {
  // The asset heading repeats with the column header on every page the block continues on.
  const rows: TRowFactory[] = [() => repeatedGroupRow(assetHeading(block.asset, ctx), widths)];
  if (block.rows.length === 0) {
    rows.push(() => groupRow(runs('（該当する責任項目なし）', { color: COLORS.muted }), widths, SMALL));
  }
  for (const row of block.rows) rows.push(() => matrixRow(row, ctx, widths));
  return rows;
};

/** 資産×責任項目マトリクス, one block per asset, engagement-wide duties first. */
export const matrixSection = (ctx: TSectionContext, no: string): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const widths = matrixWidths(model.parties.length);
  const bold = { bold: true } as const;
  const head = [
    runs('項番', bold),
    runs('責任項目', bold),
    runs('区分', bold),
    ...model.parties.map((p) => [cellPara(runs(model.partyLabels.get(p.id)?.short ?? p.displayName, bold), SIZE)]),
    runs('状態', bold),
  ];
  const tables = model.matrix.map((block) => (ctx.table ?? eagerTable)([() => headerRow(head, widths, SIZE), ...blockRows(block, ctx, widths)], widths));
  return [
    heading({ ja: `${no} 資産×責任項目マトリクス`, en: 'Asset × duty matrix' }, bilingual),
    para(
      `資産ごとに、適用される責任項目と各当事者の役割を示す（R 実施／A 責任／C 協議／I 報告、— は対象外。当事者は責任分担表と同じ略称）。資産数：${model.assetCount}。`,
      { size: pt(8), color: COLORS.muted },
      { spacing: { after: 60 } },
    ),
    ...tables,
  ];
};
