import { Document, Packer, PageOrientation, SectionType } from 'docx';
import type { ISectionOptions, Paragraph, Table } from 'docx';
import type { TAnnexInput, TAnnexOptions } from './annex-input.ts';
import { buildModel } from './annex-model.ts';
import { createDeferredTables } from './deferred-tables.ts';
import type { TAnnexModel, TSectionContext } from './annex-model.ts';
import { DOCUMENT_TITLE } from './labels.ts';
import { streamPackage } from './package-stream.ts';
import { documentXmlOf, normalizePackage } from './package-zip.ts';
import { ANNEX_FORMAT, PROPERTY_NAMES, formatAnnexOptions } from './properties.ts';
import { assetsSection } from './sections/assets.ts';
import { dutyTableLayout, dutyTableSection } from './sections/duty-table.ts';
import { type TTocEntry, coverSection } from './sections/cover.ts';
import { findingsSection } from './sections/findings.ts';
import { pageFooter, pageHeader } from './sections/footer.ts';
import { itemsLayout, itemsSection } from './sections/items.ts';
import { matrixSection } from './sections/matrix.ts';
import { partiesSection } from './sections/parties.ts';
import { certificateSection, printableVerifyUrl, verifyQrPng } from './sections/certificate.ts';
import { referencesSection } from './sections/references.ts';
import { documentStyles } from './styles.ts';
import { PAGE } from './table.ts';
import { w3cDateTime } from './text.ts';

const section = (model: TAnnexModel, landscape: boolean, children: (Paragraph | Table)[], first = false): ISectionOptions => ({
  properties: {
    ...(first ? {} : { type: SectionType.NEXT_PAGE }),
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: {
        top: PAGE.margin,
        bottom: PAGE.margin,
        left: PAGE.margin,
        right: PAGE.margin,
        header: PAGE.headerFooter,
        footer: PAGE.headerFooter,
      },
    },
  },
  headers: { default: pageHeader(model) },
  footers: { default: pageFooter(model) },
  children,
});

const customProperties = (format: TBuiltFormat, input: TAnnexInput, options: { includeMatrix: boolean; bilingual: boolean }): { name: string; value: string }[] => [
  { name: PROPERTY_NAMES.annexFormat, value: String(format) },
  { name: PROPERTY_NAMES.annexOptions, value: formatAnnexOptions(options) },
  { name: PROPERTY_NAMES.engagementId, value: input.engagement.id },
  ...(input.revision ? [{ name: PROPERTY_NAMES.revisionNumber, value: String(input.revision.number) }] : []),
  ...(input.revision?.sha256 ? [{ name: PROPERTY_NAMES.revisionSha256, value: input.revision.sha256 }] : []),
];

/** The formats this builder lays out: 2 (one row per collapsed cell group, 2026-12) and 3 (duty rows, denser; today's). */
export type TBuiltFormat = 2 | 3;

/**
 * Builds the SLA annex (.docx) for one engagement revision in today's format. Pure and
 * deterministic: the same input gives the same bytes.
 */
export const buildAnnex = (input: TAnnexInput, options: TAnnexOptions = {}): Promise<Buffer> => buildAnnexOfFormat(ANNEX_FORMAT, input, options);

/**
 * Builds the annex in a given format. Format 2 stays reproducible byte for byte (signed format-2 annexes verify
 * `exact`): it differs from format 3 only in the responsibility table and the section list, chosen here.
 */
export const buildAnnexOfFormat = async (format: TBuiltFormat, input: TAnnexInput, options: TAnnexOptions = {}): Promise<Buffer> => {
  const model = buildModel(input);
  const deferred = createDeferredTables();
  const ctx: TSectionContext = { model, bilingual: options.bilingual ?? true, table: deferred.defer, numbering: format === 2 ? 'code' : 'item' };
  const includeMatrix = options.includeMatrix ?? false;
  const verifyUrl = printableVerifyUrl(input.verifyUrl);
  const qr = await verifyQrPng(verifyUrl);

  let items: (Paragraph | Table)[];
  let landscape: boolean;
  let toc: TTocEntry[];
  let front: (Paragraph | Table)[];
  let back: (Paragraph | Table)[];
  if (format === 2) {
    // 1 当事者一覧, 2 連絡体制, 3 責任分担表, 4 残存する指摘事項, 5 参考文献, 6 署名証明書, 付録 資産×責任項目マトリクス.
    toc = [
      { no: '1.', ja: '当事者一覧', en: 'Parties' },
      { no: '2.', ja: '連絡体制', en: 'Contacts' },
      { no: '3.', ja: '責任分担表', en: 'Responsibility assignment' },
      { no: '4.', ja: '残存する指摘事項', en: 'Open findings' },
      { no: '5.', ja: '参考文献', en: 'References' },
      { no: '6.', ja: '署名証明書', en: 'Signing certificate' },
    ];
    if (includeMatrix) toc.push({ no: '付録', ja: '資産×責任項目マトリクス', en: 'Asset × duty matrix' });
    const layout = itemsLayout(model.parties.length);
    landscape = layout.landscape;
    front = [...coverSection(ctx, toc), ...partiesSection(ctx, 1)];
    items = itemsSection(ctx, 3, layout);
    back = [...findingsSection(ctx, 4), ...referencesSection(ctx, 5), ...certificateSection(ctx, 6, qr)];
  } else {
    // 1 当事者一覧, 2 連絡体制, 3 資産一覧, 4 責任分担表, 5 残存する指摘事項, 6 参考文献, 7 署名証明書, 付録.
    toc = [
      { no: '1.', ja: '当事者一覧', en: 'Parties' },
      { no: '2.', ja: '連絡体制', en: 'Contacts' },
      { no: '3.', ja: '資産一覧', en: 'Assets' },
      { no: '4.', ja: '責任分担表', en: 'Responsibility assignment' },
      { no: '5.', ja: '残存する指摘事項', en: 'Open findings' },
      { no: '6.', ja: '参考文献', en: 'References' },
      { no: '7.', ja: '署名証明書', en: 'Signing certificate' },
    ];
    if (includeMatrix) toc.push({ no: '付録', ja: '資産×責任項目マトリクス', en: 'Asset × duty matrix' });
    const layout = dutyTableLayout(model.parties.length);
    landscape = true;
    front = [...coverSection(ctx, toc), ...partiesSection(ctx, 1), ...assetsSection(ctx, 3, deferred.deferXml)];
    items = dutyTableSection(ctx, 4, layout, deferred.deferXml);
    back = [...findingsSection(ctx, 5), ...referencesSection(ctx, 6), ...certificateSection(ctx, 7, qr)];
  }
  const matrix = includeMatrix ? matrixSection(ctx, '付録') : null;

  const sections: ISectionOptions[] = [section(model, false, front, true), section(model, landscape, items), section(model, false, back)];
  if (matrix) sections.push(section(model, true, matrix));

  const stamp = w3cDateTime(input.revision?.frozenAt ?? input.generatedOn);
  const doc = new Document({
    creator: 'Bunkai',
    lastModifiedBy: 'Bunkai',
    title: `${DOCUMENT_TITLE.ja} — ${input.engagement.title}`,
    subject: input.engagement.systemName,
    description: input.revision?.sha256 ? `SHA-256 ${input.revision.sha256}` : '草案 DRAFT',
    keywords: 'Bunkai, 責任分界, SLA',
    revision: input.revision?.number ?? 1,
    customProperties: customProperties(format, input, { includeMatrix, bilingual: ctx.bilingual }),
    styles: documentStyles(),
    sections,
  });
  const raw = await Packer.toBuffer(doc);
  // Format 3 streams the main part into the package, its long tables written row by row where their markers stand.
  if (format !== 2) return streamPackage(raw, stamp, deferred.stream(documentXmlOf(raw)));
  // Long tables were left as markers: their rows are written now, a chunk at a time.
  const documentXml = deferred.count() ? await deferred.fill(documentXmlOf(raw)) : undefined;
  return normalizePackage(raw, stamp, documentXml);
};
