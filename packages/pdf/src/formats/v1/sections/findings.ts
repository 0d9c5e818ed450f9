import { SEVERITY_LABELS } from '../labels.ts';
import { type TAnnexModel } from '../model.ts';
import { COLORS, type Doc, drawTable, heading, run, type TRow, writableWidth } from '../layout.ts';

/** 未解決の指摘: findings still open when the document was built. */
export const drawFindings = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): boolean => {
  const findings = model.input.findings;
  if (findings.length === 0) return false;
  heading(doc, `${no}. 未解決の指摘`, 'Open findings');
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
  return true;
};
