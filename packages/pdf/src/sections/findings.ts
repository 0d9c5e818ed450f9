import { SEVERITY_LABELS, type TAnnexModel } from '@bunkai/docx';
import { COLORS, type Doc, drawTable, heading, paragraph, run, type TRow, writableWidth } from '../layout.ts';

/** 残存する指摘事項: findings still open when the document was built (blocking first), or a line saying there are none. */
export const drawFindings = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): void => {
  const findings = [...model.input.findings].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  heading(doc, `${no}. 残存する指摘事項`, 'Open findings');
  if (findings.length === 0) {
    paragraph(doc, '本書作成時点で残存する指摘事項はない。', { size: 9.5, gap: 10 });
    return;
  }
  paragraph(doc, '以下は本書作成時点で解消されていない指摘事項（ギャップ分析の結果）である。警告は合意の効力に影響しないが、当事者間で継続して対応を協議する。', { size: 9, color: COLORS.muted });
  const rows: TRow[] = findings.map((f) => ({
    kind: 'body',
    cells: [
      [run(SEVERITY_LABELS[f.severity].ja, { bold: true, color: f.severity === 'blocking' ? COLORS.red : COLORS.text })],
      [run(f.code, { size: 7 })],
      [run(f.message.ja)],
    ],
  }));
  const width = writableWidth(doc);
  drawTable(doc, { widths: [60, 130, width - 190], header: ['区分', 'コード', '内容'].map((t) => [run(t, { bold: true })]), rows, size: 8.5 }, newPage);
};
