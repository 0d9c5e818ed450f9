import { type TAnnexInput } from '@bunkai/docx';
import { ANNEX_STATUS_LABELS, DOCUMENT_TITLE, WATERMARK_TEXT } from './labels.ts';
import { buildModel, type TAnnexModel } from './model.ts';
import PDFDocument from 'pdfkit';
import { FONT, fontBytes } from '../../fonts.ts';
import { COLORS, type Doc } from './layout.ts';
import { drawCertificate } from './sections/certificate.ts';
import { drawCover } from './sections/cover.ts';
import { drawFindings } from './sections/findings.ts';
import { drawItems } from './sections/items.ts';
import { drawParties } from './sections/parties.ts';
import type { TPdfAnnexExtras } from '../../types.ts';

/** Document-information keys (and XMP properties) the verifier reads back. */
const PDF_INFO_KEYS = {
  revisionSha256: 'BunkaiRevisionSha256',
  engagementId: 'BunkaiEngagementId',
  revisionNumber: 'BunkaiRevisionNumber',
  format: 'BunkaiAnnexFormat',
} as const;

/** Bumped whenever the layout changes, so a verifier knows which builder made a file. */
export const PDF_ANNEX_FORMAT_1 = 'bunkai-annex-pdf/1';
const XMP_NAMESPACE = 'urn:bunkai:annex:1.0';

const MARGINS = { top: 40, bottom: 44, left: 40, right: 40 };

/** The instant the document says it was made: the revision's freeze, else the generation date (midnight JST). */
const documentDate = (input: TAnnexInput): Date =>
  new Date(input.revision?.frozenAt ?? `${input.generatedOn}T00:00:00+09:00`);

// pdfkit copies Title into the XMP packet without escaping it; full-width forms keep the packet well-formed.
const xmpSafe = (s: string): string => s.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

const xmpEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const footerText = (model: TAnnexModel, page: number, pages: number): string => {
  const rev = model.input.revision;
  const id = rev?.sha256 ? `第${rev.number}版 SHA-256 ${rev.sha256.slice(0, 12)}` : '草案（未凍結）';
  return `${DOCUMENT_TITLE.ja}\u3000${id} · ${page} / ${pages} ページ`;
};

/** Footers (and the watermark of anything not fully signed), once every page exists. */
const finishPages = (doc: Doc, model: TAnnexModel): void => {
  const range = doc.bufferedPageRange();
  const watermark = model.status === 'executed' ? null : WATERMARK_TEXT[model.status];
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    // Writing below the bottom margin would start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLORS.muted);
    doc.text(footerText(model, i + 1, range.count), MARGINS.left, height - 28, { width: width - MARGINS.left - MARGINS.right, align: 'center', lineBreak: false });
    if (watermark) {
      doc.save().rotate(-35, { origin: [width / 2, height / 2] }).fillColor('#C0C0C0').fillOpacity(0.35).font(FONT.bold).fontSize(64);
      doc.text(watermark, 0, height / 2 - 40, { width, align: 'center', lineBreak: false });
      doc.restore();
    }
  }
  doc.fillColor(COLORS.text);
};

const collect = (doc: Doc): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

/**
 * Format 1 (bunkai-annex-pdf/1, the builder of a5d41c3, kept unchanged so its PDFs keep verifying): the annex as an unsealed PDF. Pure and deterministic: the same input gives
 * the same bytes (creation date from the revision, file ID derived from the
 * document information, font subset tags derived from the font names).
 */
export const renderAnnexPdfFormat1 = async (input: TAnnexInput, extras: TPdfAnnexExtras = {}): Promise<Buffer> => {
  const model = buildModel(input);
  const rev = input.revision;
  const info: Record<string, string | Date> = {
    Title: xmpSafe(`${DOCUMENT_TITLE.ja} — ${input.engagement.title}`),
    Subject: `${ANNEX_STATUS_LABELS[model.status].ja}${rev ? ` 第${rev.number}版` : ''}`,
    Creator: 'Bunkai',
    Producer: 'Bunkai (pdfkit)',
    CreationDate: documentDate(input),
    ModDate: documentDate(input),
    [PDF_INFO_KEYS.engagementId]: input.engagement.id,
    [PDF_INFO_KEYS.format]: PDF_ANNEX_FORMAT_1,
    ...(rev?.sha256 ? { [PDF_INFO_KEYS.revisionSha256]: rev.sha256, [PDF_INFO_KEYS.revisionNumber]: String(rev.number) } : {}),
  };
  const doc = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, autoFirstPage: false, pdfVersion: '1.7', lang: 'ja-JP', displayTitle: true, info });
  const done = collect(doc);
  const fonts = fontBytes();
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:bunkai="${XMP_NAMESPACE}">` +
      `<bunkai:revisionSha256>${rev?.sha256 ?? ''}</bunkai:revisionSha256>` +
      `<bunkai:revisionNumber>${rev ? rev.number : ''}</bunkai:revisionNumber>` +
      `<bunkai:engagementId>${xmpEscape(input.engagement.id)}</bunkai:engagementId>` +
      `<bunkai:format>${PDF_ANNEX_FORMAT_1}</bunkai:format>` +
      `</rdf:Description>`,
  );

  const portrait = () => doc.addPage({ size: 'A4', layout: 'portrait', margins: MARGINS });
  const landscape = () => doc.addPage({ size: 'A4', layout: 'landscape', margins: MARGINS });

  portrait();
  drawCover(doc, model, portrait);
  portrait();
  drawParties(doc, model, 1, portrait);
  let no = drawItems(doc, model, 3, landscape);
  portrait();
  if (drawFindings(doc, model, no, portrait)) {
    no += 1;
    // The signing certificate (署名証明書) starts on a page of its own, so it can be printed and filed alone.
    portrait();
  }
  drawCertificate(doc, model, extras, no, portrait);
  finishPages(doc, model);
  doc.end();
  return done;
};
