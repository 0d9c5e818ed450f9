import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { TAnnexModel } from '../annex-model.ts';
import { WATERMARK_TEXT } from '../labels.ts';
import { COLORS, FONTS, pt, runs, shortHash } from '../text.ts';

/** Marker text in the header of unsigned documents (also a plain-text run, so it survives text extraction). */
export const draftMarking = (model: TAnnexModel): string | null =>
  model.status === 'executed' ? null : WATERMARK_TEXT[model.status];

/**
 * Page header: a running title and, on anything not fully signed, a large
 * light-grey diagonal watermark (Word's own watermark shape) plus the same
 * words in the header line.
 */
export const pageHeader = (model: TAnnexModel): Header => {
  const marking = draftMarking(model);
  const title = `責任分界合意書 別紙 — ${model.input.engagement.title}`;
  const children = [
    ...(marking
      ? [
          new TextWatermark({ text: marking, font: FONTS.gothic, color: COLORS.watermark, opacity: 0.5 }),
          ...runs(`【${marking}】 `, { size: pt(8), bold: true, color: 'B00020' }),
        ]
      : []),
    ...runs(title, { size: pt(7.5), color: COLORS.faint }),
  ];
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children })] });
};

/** Page footer: 「第N版 SHA-256 xxxxxxxxxxxx」 (or 「草案」) and 「X / Y ページ」. */
export const pageFooter = (model: TAnnexModel): Footer => {
  const rev = model.input.revision;
  const ident = rev?.sha256 && model.status !== 'draft' ? `第${rev.number}版\u3000SHA-256 ${shortHash(rev.sha256)}` : '草案';
  const size = pt(8);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          ...runs(`${ident}\u3000\u3000`, { size, color: COLORS.muted }),
          new TextRun({ children: [PageNumber.CURRENT], size, color: COLORS.muted }),
          ...runs(' / ', { size, color: COLORS.muted }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size, color: COLORS.muted }),
          ...runs(' ページ', { size, color: COLORS.muted }),
        ],
      }),
    ],
  });
};
