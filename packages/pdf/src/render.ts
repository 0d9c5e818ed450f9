import { ANNEX_STATUS_LABELS, buildModel, DOCUMENT_TITLE, type TAnnexInput, type TAnnexModel, WATERMARK_TEXT } from '@bunkai/docx';
import PDFDocument from 'pdfkit';
import { FONT, fontBytes } from './fonts.ts';
import { COLORS, type Doc } from './layout.ts';
import { drawCertificate } from './sections/certificate.ts';
import { drawCover, type TTocEntry } from './sections/cover.ts';
import { drawFindings } from './sections/findings.ts';
import { drawAssets } from './sections/assets.ts';
import { drawDutyTable } from './sections/duty-table.ts';
import { drawItems } from './sections/items.ts';
import { drawParties } from './sections/parties.ts';
import { drawReferences } from './sections/references.ts';
import { sourceDigest } from './source-digest.ts';
import type { TPdfAnnexExtras } from './types.ts';

/** Document-information keys (and XMP properties) the verifier reads back. */
export const PDF_INFO_KEYS = {
  revisionSha256: 'BunkaiRevisionSha256',
  engagementId: 'BunkaiEngagementId',
  revisionNumber: 'BunkaiRevisionNumber',
  format: 'BunkaiAnnexFormat',
  /** Since format 2: SHA-256 of the data the annex was built from (sourceDigest), so content compares across builders. */
  sourceSha256: 'BunkaiSourceSha256',
} as const;

/**
 * Bumped whenever the layout changes, so a verifier knows which builder made a file (PDF_BUILDERS keeps every one).
 * Format 1: up to a5d41c3 (frozen in formats/v1). Format 2: 確認表項番, 主契約 and 版の効力 on the cover, 目次, 参考文献,
 * collapsed asset rows, 略称 headers, source digest. Format 3: the .docx format 3 layout — 項番 as the web (P1-001),
 * one duty row with its 【共通条件】 over short asset-group rows, 資産一覧 (A01…).
 */
export const PDF_ANNEX_FORMAT_2 = 'bunkai-annex-pdf/2';
export const PDF_ANNEX_FORMAT = 'bunkai-annex-pdf/3';
export const XMP_NAMESPACE = 'urn:bunkai:annex:1.0';

/** The formats this builder lays out: they differ only in the responsibility table and the section list. */
export type TPdfBuiltFormat = 2 | 3;
const FORMAT_NAMES: Record<TPdfBuiltFormat, string> = { 2: PDF_ANNEX_FORMAT_2, 3: PDF_ANNEX_FORMAT };

/** 目次, numbered as the .docx of the same format numbers its sections. */
const TOC: Record<TPdfBuiltFormat, readonly TTocEntry[]> = {
  2: [
    { no: '1.', ja: '当事者一覧', en: 'Parties' },
    { no: '2.', ja: '連絡体制', en: 'Contacts' },
    { no: '3.', ja: '責任分担表', en: 'Responsibility assignment' },
    { no: '4.', ja: '残存する指摘事項', en: 'Open findings' },
    { no: '5.', ja: '参考文献', en: 'References' },
    { no: '6.', ja: '署名証明書', en: 'Signing certificate' },
  ],
  3: [
    { no: '1.', ja: '当事者一覧', en: 'Parties' },
    { no: '2.', ja: '連絡体制', en: 'Contacts' },
    { no: '3.', ja: '資産一覧', en: 'Assets' },
    { no: '4.', ja: '責任分担表', en: 'Responsibility assignment' },
    { no: '5.', ja: '残存する指摘事項', en: 'Open findings' },
    { no: '6.', ja: '参考文献', en: 'References' },
    { no: '7.', ja: '署名証明書', en: 'Signing certificate' },
  ],
};

const MARGINS = { top: 40, bottom: 44, left: 40, right: 40 };

/** The instant the document says it was made: the revision's freeze, else the generation date (midnight JST). */
export const documentDate = (input: TAnnexInput): Date =>
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
 * The annex as an unsealed PDF in a given format (2 stays byte for byte what it was, so signed format-2 files verify
 * `exact`). Pure and deterministic: the same input gives the same bytes (creation date from the revision, file ID
 * derived from the document information, font subset tags derived from the font names).
 */
export const renderAnnexPdfOfFormat = async (format: TPdfBuiltFormat, input: TAnnexInput, extras: TPdfAnnexExtras = {}): Promise<Buffer> => {
  const formatName = FORMAT_NAMES[format];
  const model = buildModel(input);
  const rev = input.revision;
  const source = sourceDigest(input, extras.evidence);
  const info: Record<string, string | Date> = {
    Title: xmpSafe(`${DOCUMENT_TITLE.ja} — ${input.engagement.title}`),
    Subject: `${ANNEX_STATUS_LABELS[model.status].ja}${rev ? ` 第${rev.number}版` : ''}`,
    Creator: 'Bunkai',
    Producer: 'Bunkai (pdfkit)',
    CreationDate: documentDate(input),
    ModDate: documentDate(input),
    [PDF_INFO_KEYS.engagementId]: input.engagement.id,
    [PDF_INFO_KEYS.format]: formatName,
    [PDF_INFO_KEYS.sourceSha256]: source,
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
      `<bunkai:format>${formatName}</bunkai:format>` +
      `<bunkai:sourceSha256>${source}</bunkai:sourceSha256>` +
      `</rdf:Description>`,
  );

  const portrait = () => doc.addPage({ size: 'A4', layout: 'portrait', margins: MARGINS });
  const landscape = () => doc.addPage({ size: 'A4', layout: 'landscape', margins: MARGINS });

  portrait();
  drawCover(doc, model, TOC[format], portrait, format === 3);
  portrait();
  drawParties(doc, model, 1, portrait);
  // Format 3 numbers assets (資産一覧) and prints duty rows over asset-group rows; format 2 one row per cell group.
  const next = format === 3 ? 5 : 4;
  if (format === 3) {
    drawAssets(doc, model, 3, portrait);
    drawDutyTable(doc, model, 4, landscape);
  } else drawItems(doc, model, 3, landscape);
  portrait();
  drawFindings(doc, model, next, portrait);
  drawReferences(doc, model, next + 1);
  // The signing certificate (署名証明書) starts on a page of its own, so it can be printed and filed alone.
  portrait();
  drawCertificate(doc, model, extras, next + 2, portrait);
  finishPages(doc, model);
  doc.end();
  return done;
};

/** The annex as an unsealed PDF in today's format (3). */
export const renderAnnexPdf = (input: TAnnexInput, extras: TPdfAnnexExtras = {}): Promise<Buffer> => renderAnnexPdfOfFormat(3, input, extras);
