/**
 * @bunkai/catalog — the versioned duty catalog (責任項目) and engagement templates.
 * Pure data and pure functions; no I/O.
 */

/**
 * Version of the catalog data. Engagements record it when they copy duties; bump it
 * whenever a duty's text, scope, references or the templates change.
 */
export const CATALOG_VERSION = '2026.1';

export { CATALOG_DOCUMENTS, CATALOG_DOCUMENT_IDS, isCatalogDocumentId, isKnownSection } from './documents.ts';
export type { TCatalogDocument, TCatalogDocumentId } from './documents.ts';

export { catalogDuties, compareDuties, getDuty } from './duties/index.ts';

export { catalogTemplates, getTemplate } from './templates/index.ts';
export {
  ZCatalogTemplate,
  ZTemplateAsset,
  ZTemplateAssignment,
  ZTemplateKey,
  ZTemplateParty,
  ZTemplateSuggestion,
  assignmentProblems,
} from './templates/schema.ts';
export type {
  TCatalogTemplate,
  TCatalogTemplateInput,
  TTemplateAsset,
  TTemplateAssignment,
  TTemplateParty,
  TTemplateSuggestion,
} from './templates/schema.ts';

export { expandTemplate, validateTemplate } from './expand.ts';
export type { TExpandedCell } from './expand.ts';
