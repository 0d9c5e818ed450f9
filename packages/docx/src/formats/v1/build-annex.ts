// Annex format 1 (別紙書式 第1版), frozen as shipped: documents it produced are re-built with it to verify their content.
// Do not change these files; a new layout is a new format under formats/.
import { Document, Packer, PageOrientation, SectionType } from 'docx';
import type { ISectionOptions, Paragraph, Table } from 'docx';
import type { TAnnexInput, TAnnexOptions } from '../../annex-input.ts';
import { buildModel } from './annex-model.ts';
import { createDeferredTables } from './deferred-tables.ts';
import type { TAnnexModel, TSectionContext } from './annex-model.ts';
import { DOCUMENT_TITLE } from './labels.ts';
import { documentXmlOf, normalizePackage } from './package-zip.ts';
import { PROPERTY_NAMES } from '../../properties.ts';
import { coverSection } from './sections/cover.ts';
import { findingsSection } from './sections/findings.ts';
import { pageFooter, pageHeader } from './sections/footer.ts';
import { itemsLayout, itemsSection } from './sections/items.ts';
import { matrixSection } from './sections/matrix.ts';
import { partiesSection } from './sections/parties.ts';
import { signaturesSection } from './sections/signatures.ts';
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

const customProperties = (input: TAnnexInput): { name: string; value: string }[] => [
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
  const includeMatrix = options.includeMatrix ?? true;
  const layout = itemsLayout(model.parties.length);

  let no = 1;
  const next = (step = 1): number => {
    const n = no;
    no += step;
    return n;
  };
  const front = [...coverSection(ctx), ...partiesSection(ctx, next(2))];
  const items = itemsSection(ctx, next(), layout);
  const matrix = includeMatrix ? matrixSection(ctx, next()) : null;
  const back = [...findingsSection(ctx, next()), ...signaturesSection(ctx, next())];

  const sections: ISectionOptions[] = [section(model, false, front, true), section(model, layout.landscape, items)];
  if (matrix) sections.push(section(model, true, matrix));
  sections.push(section(model, false, back));

  const stamp = w3cDateTime(input.revision?.frozenAt ?? input.generatedOn);
  const doc = new Document({
    creator: 'Bunkai',
    lastModifiedBy: 'Bunkai',
    title: `${DOCUMENT_TITLE.ja} — ${input.engagement.title}`,
    subject: input.engagement.systemName,
    description: input.revision?.sha256 ? `SHA-256 ${input.revision.sha256}` : '草案 DRAFT',
    keywords: 'Bunkai, 責任分界, SLA',
    revision: input.revision?.number ?? 1,
    customProperties: customProperties(input),
    styles: documentStyles(),
    sections,
  });
  const raw = await Packer.toBuffer(doc);
  // Long tables were left as markers: their rows are written now, a chunk at a time.
  const documentXml = deferred.count() ? await deferred.fill(documentXmlOf(raw)) : undefined;
  return normalizePackage(raw, stamp, documentXml);
};
