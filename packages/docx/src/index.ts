export type { TAnnexCell, TAnnexFinding, TAnnexInput, TAnnexOptions, TAnnexRevision, TAnnexSignature, TAnnexStatus } from './annex-input.ts';
export { buildAnnex } from './build-annex.ts';
export { annexStatus } from './annex-model.ts';
export { annexFileName } from './file-name.ts';
export { PROPERTY_NAMES, readAnnexProperties } from './properties.ts';
export type { TAnnexProperties } from './properties.ts';
export * from './labels.ts';
export { NotAZipError, readZipEntries } from './read/zip-entries.ts';
export type { ZipLimits } from './read/zip-entries.ts';
