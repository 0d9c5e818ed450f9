import type { Paragraph, Table } from 'docx';
import type { TSectionContext } from '../annex-model.ts';
import { SEVERITY_LABELS } from '../labels.ts';
import { bodyRow, cell, fitWidths, headerRow, PORTRAIT_WIDTH, table } from '../table.ts';
import { COLORS, FONTS, heading, labelRuns, para, pt, runs } from '../text.ts';

const SIZE = pt(8.5);

/** 残存する指摘事項: findings still open when the document was generated. */
export const findingsSection = ({ model, bilingual }: TSectionContext, no: number): (Paragraph | Table)[] => {
  const findings = [...model.input.findings].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const out: (Paragraph | Table)[] = [heading({ ja: `${no}. 残存する指摘事項`, en: 'Open findings' }, bilingual)];
  if (findings.length === 0) {
    out.push(para('本書作成時点で残存する指摘事項はない。', { size: pt(9.5) }));
    return out;
  }
  out.push(
    para(
      '以下は本書作成時点で解消されていない指摘事項（ギャップ分析の結果）である。警告は合意の効力に影響しないが、当事者間で継続して対応を協議する。',
      { size: pt(9), color: COLORS.muted },
      { spacing: { after: 80 } },
    ),
  );
  const widths = fitWidths([900, 2300, null], [1], PORTRAIT_WIDTH);
  const rows = findings.map((f) => {
    const fill = f.severity === 'blocking' ? COLORS.blockingFill : undefined;
    const message = bilingual
      ? [...runs(f.message.ja, { size: SIZE }), ...runs(`\n${f.message.en}`, { size: pt(7.5), color: COLORS.muted })]
      : runs(f.message.ja, { size: SIZE });
    return bodyRow([
      cell(labelRuns(SEVERITY_LABELS[f.severity], bilingual, { size: SIZE, bold: true }), { width: widths[0] ?? 0, ...(fill ? { fill } : {}) }),
      cell(runs(f.code, { size: pt(7.5), font: FONTS.mono }), { width: widths[1] ?? 0 }),
      cell(message, { width: widths[2] ?? 0 }),
    ]);
  });
  const head = [runs('重要度', { bold: true, size: SIZE }), runs('コード', { bold: true, size: SIZE }), runs('内容', { bold: true, size: SIZE })];
  out.push(table([headerRow(head, widths), ...rows], widths));
  return out;
};
