import type { TDutyReference } from '@bunkai/domain';
import { CATALOG_DOCUMENTS, CATALOG_DOCUMENT_IDS, isCatalogDocumentId } from './documents.ts';
import type { TCatalogDocument, TCatalogDocumentId } from './documents.ts';

export type TCitationLang = 'ja' | 'en';

type TRef = Pick<TDutyReference, 'document' | 'section'>;

/** The section as people should read it: a label where the raw one would mislead, else as written. */
function sectionLabel(doc: TCatalogDocument, section: string, lang: TCitationLang): string {
  const labels = doc.sectionLabels ?? {};
  const exact = labels[section];
  if (exact !== undefined) return exact[lang];
  // A finer pointer after a labelled section keeps the label ("管理・運用 接続元制限").
  const prefix = Object.keys(labels).find((k) => section.startsWith(`${k} `));
  return prefix === undefined ? section : `${labels[prefix]![lang]}${section.slice(prefix.length)}`;
}

/**
 * A reference as a readable citation — 「安全管理GL 6.0 運用編 §8.2」 — never the internal
 * document id. A document the catalog does not know (an organization's own catalog or an
 * imported sheet) is printed as its owner wrote it.
 */
export function formatReference(reference: TRef, lang: TCitationLang = 'ja'): string {
  if (!isCatalogDocumentId(reference.document)) return `${reference.document} ${reference.section}`.trim();
  const doc: TCatalogDocument = CATALOG_DOCUMENTS[reference.document];
  // English reads "R6 checklist, 管理・運用 (row not verified)"; Japanese runs on without a comma.
  return `${doc.shortTitle[lang]}${lang === 'en' ? ',' : ''} ${sectionLabel(doc, reference.section, lang)}`;
}

/** Several references as one line (根拠 column): 「…、…」 in Japanese, "…; …" in English. */
export function formatReferences(references: readonly TRef[], lang: TCitationLang = 'ja'): string {
  return references.map((r) => formatReference(r, lang)).join(lang === 'ja' ? '、' : '; ');
}

/** One entry of a 参考文献 list: publisher, full title, year (and the address when known). */
export function formatDocument(id: TCatalogDocumentId, lang: TCitationLang = 'ja'): string {
  const doc: TCatalogDocument = CATALOG_DOCUMENTS[id];
  const base =
    lang === 'ja'
      ? `${doc.publisher.ja}「${doc.title.ja}」（${doc.year}年）`
      : `${doc.publisher.en}, “${doc.title.en}” (${doc.year})`;
  return doc.url === null ? base : `${base} ${doc.url}`;
}

/** An entry of the 参考文献 list: the short name the citations use, and the full entry. */
export interface TBibliographyEntry {
  shortTitle: string;
  entry: string;
}

/**
 * The 参考文献 list for a set of references: each catalog document cited at least once, in the
 * catalog's document order, with the short name the citations use. Unknown documents are skipped
 * (their citation already names them in full).
 */
export function bibliography(references: readonly TRef[], lang: TCitationLang = 'ja'): TBibliographyEntry[] {
  const cited = new Set(references.map((r) => r.document));
  return CATALOG_DOCUMENT_IDS.filter((id) => cited.has(id)).map((id) => ({
    shortTitle: CATALOG_DOCUMENTS[id].shortTitle[lang],
    entry: formatDocument(id, lang),
  }));
}

/** Short titles (both languages) → document id, longest first so one title that prefixes another cannot shadow it. */
const BY_SHORT_TITLE: readonly (readonly [string, TCatalogDocumentId])[] = CATALOG_DOCUMENT_IDS.flatMap((id) =>
  (['ja', 'en'] as const).map((lang) => [CATALOG_DOCUMENTS[id].shortTitle[lang], id] as const),
).sort((a, b) => b[0].length - a[0].length);

/** A printed section label back to the section it stands for (the first section with that label, the current one). */
function sectionFromLabel(doc: TCatalogDocument, printed: string): string {
  for (const [section, label] of Object.entries(doc.sectionLabels ?? {}))
    for (const text of [label.ja, label.en]) {
      if (printed === text) return section;
      if (printed.startsWith(text)) return `${section}${printed.slice(text.length)}`;
    }
  return printed;
}

/**
 * The inverse of {@link formatReference}: 「安全管理GL 6.0 運用編 §8.2」 (or its English form) →
 * `{ document: 'mhlw-gl6-ops', section: '§8.2' }`, so an exported duty list imports back to the
 * same references. Text that names no catalog document is read as "<document> <section>"
 * (an organization's own source, or the internal id form older files used); null when it has no section.
 */
export function parseReference(text: string): Pick<TDutyReference, 'document' | 'section'> | null {
  const t = text.trim();
  for (const [title, id] of BY_SHORT_TITLE) {
    if (!t.startsWith(title)) continue;
    const rest = t.slice(title.length).replace(/^,/, '').trim();
    if (rest === '') continue;
    return { document: id, section: sectionFromLabel(CATALOG_DOCUMENTS[id], rest) };
  }
  const m = /^(\S+)\s+(.+)$/s.exec(t);
  return m ? { document: m[1]!, section: m[2]!.trim() } : null;
}
