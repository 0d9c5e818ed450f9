export { documentDate, PDF_ANNEX_FORMAT, PDF_INFO_KEYS, renderAnnexPdf, XMP_NAMESPACE } from './render.ts';
export type { TPdfAnnexExtras, TSealDescription, TSignatureEvidence } from './types.ts';
