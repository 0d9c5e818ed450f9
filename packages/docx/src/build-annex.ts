import { Document, Packer, PageOrientation, SectionType } from 'docx';
import type { ISectionOptions, Paragraph, Table } from 'docx';
import type { TAnnexInput, TAnnexOptions } from './annex-input.ts';
import { buildModel } from './annex-model.ts';
import { createDeferredTables } from './deferred-tables.ts';
import type { TAnnexModel, TSectionContext } from './annex-model.ts';
import { DOCUMENT_TITLE } from './labels.ts';
import { documentXmlOf, normalizePackage } from './package-zip.ts';
import { ANNEX_FORMAT, PROPERTY_NAMES, formatAnnexOptions } from './properties.ts';
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

const customProperties = (input: TAnnexInput, options: { includeMatrix: boolean; bilingual: boolean }): { name: string; value: string }[] => [
  { name: PROPERTY_NAMES.annexFormat, value: String(ANNEX_FORMAT) },
  { name: PROPERTY_NAMES.annexOptions, value: formatAnnexOptions(options) },
  { name: PROPERTY_NAMES.engagementId, value: input.engagement.id },
  ...(input.revision ? [{ name: PROPERTY_NAMES.revisionNumber, value: String(input.revision.number) }] : []),
  ...(input.revision?.sha256 ? [{ name: PROPERTY_NAMES.revisionSha256, value: input.revision.sha256 }] : []),
];

/**
 * Builds the SLA annex (.docx) for one engagement revision. Pure and
 * deterministic: the same input gives the same bytes.
 */
export const buildAnnex = async (input: TAnnexInput, options: TAnnexOptions = {}): Promise<Buffer> => {
  const model = buildModel(input);
  const deferred = createDeferredTables();
  const ctx: TSectionContext = { model, bilingual: options.bilingual ?? true, table: deferred.defer };
  const includeMatrix = options.includeMatrix ?? false;
  const layout = itemsLayout(model.parties.length);
  const verifyUrl = printableVerifyUrl(input.verifyUrl);
  const qr = await verifyQrPng(verifyUrl);

  // 1 当事者一覧, 2 連絡体制, 3 責任分担表, 4 残存する指摘事項, 5 参考文献, 6 署名証明書, 付録 資産×責任項目マトリクス.
  const toc: TTocEntry[] = [
    { no: '1.', ja: '当事者一覧', en: 'Parties' },
    { no: '2.', ja: '連絡体制', en: 'Contacts' },
    { no: '3.', ja: '責任分担表', en: 'Responsibility assignment' },
    { no: '4.', ja: '残存する指摘事項', en: 'Open findings' },
    { no: '5.', ja: '参考文献', en: 'References' },
    { no: '6.', ja: '署名証明書', en: 'Signing certificate' },
    ...(includeMatrix ? [{ no: '付録', ja: '資産×責任項目マトリクス', en: 'Asset × duty matrix' }] : []),
  ];
  const front = [...coverSection(ctx, toc), ...partiesSection(ctx, 1)];
  const items = itemsSection(ctx, 3, layout);
  const back = [...findingsSection(ctx, 4), ...referencesSection(ctx, 5), ...certificateSection(ctx, 6, qr)];
  const matrix = includeMatrix ? matrixSection(ctx, '付録') : null;

  const sections: ISectionOptions[] = [section(model, false, front, true), section(model, layout.landscape, items), section(model, false, back)];
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
    customProperties: customProperties(input, { includeMatrix, bilingual: ctx.bilingual }),
    styles: documentStyles(),
    sections,
  });
  const raw = await Packer.toBuffer(doc);
  // Long tables were left as markers: their rows are written now, a chunk at a time.
  const documentXml = deferred.count() ? await deferred.fill(documentXmlOf(raw)) : undefined;
  return normalizePackage(raw, stamp, documentXml);
};
