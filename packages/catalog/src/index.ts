/**
 * @bunkai/catalog — the versioned duty catalog (責任項目) and engagement templates.
 * Pure data and pure functions; no I/O.
 */

export {
  CATALOG_VERSION,
  CATALOG_VERSIONS,
  CATALOG_VERSION_2026_1,
  catalogDutiesOf,
  changeNotesOf,
  diffCatalogVersions,
} from './versions/index.ts';
export type { TCatalogChange, TCatalogChangeKind, TCatalogChangeNote, TComparedField } from './versions/index.ts';

export { bibliography, formatDocument, formatReference, formatReferences, parseReference } from './citation.ts';
export type { TBibliographyEntry, TCitationLang } from './citation.ts';

export { GL6_OPS_COVERAGE, coverageLabel, coverageSection } from './coverage.ts';
export type { TCoverageEntry } from './coverage.ts';
export { coverageProblems, renderCoverageMarkdown } from './coverage-report.ts';

export { CATALOG_DOCUMENTS, CATALOG_DOCUMENT_IDS, isCatalogDocumentId, isKnownSection } from './documents.ts';
export type { TCatalogDocument, TCatalogDocumentId } from './documents.ts';

export { catalogDuties, compareDuties, getDuty } from './duties/index.ts';
/** Moved to the domain so the annex numbers items as the exports do. */
export { catalogItemNumbers } from '@bunkai/domain';

export { catalogTemplates, getTemplate } from './templates/index.ts';
export { ZTemplateDate, resolveTemplateDate } from './templates/dates.ts';
export type { TTemplateDate } from './templates/dates.ts';
export {
  ZCatalogTemplate,
  ZTemplateAsset,
  ZTemplateAssignment,
  ZTemplateKey,
  ZTemplateOpenCell,
  ZTemplateParty,
  ZTemplateSuggestion,
  assignmentProblems,
} from './templates/schema.ts';
export type {
  TCatalogTemplate,
  TCatalogTemplateInput,
  TTemplateAsset,
  TTemplateAssignment,
  TTemplateOpenCell,
  TTemplateParty,
  TTemplateSuggestion,
} from './templates/schema.ts';

export { expandTemplate, placeTemplateDuty, validateTemplate } from './expand.ts';
export type { TExpandedCell } from './expand.ts';

export { previewCatalogUpgrade } from './upgrade.ts';
export type { TCatalogUpgradeEntry, TUpgradableDuty, TUpgradeReason } from './upgrade.ts';
