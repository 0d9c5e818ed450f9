import type { TDutyReference, TLocalized } from '@bunkai/domain';

/** A source document the catalog cites. */
export interface TCatalogDocument {
  title: TLocalized;
  publisher: TLocalized;
  year: number;
  /** Where the document (or the page it was read from) is published, when known. */
  url: string | null;
  /**
   * The sections or items of the document that the catalog authors actually read.
   * A reference's `section` must be one of these, optionally followed by a space
   * and a finer pointer (e.g. `§10 遵守事項④`). Nothing outside this list is cited.
   */
  knownSections: readonly string[];
}

const GL6_OPS_SECTIONS = [
  '§1', '§1.1', '§2', '§2.1', '§3', '§3.1', '§3.2', '§3.3.1', '§3.3.2', '§3.4.1', '§3.4.2', '§3.5',
  '§4', '§4.1', '§4.2', '§5', '§5.1', '§5.2', '§6', '§6.2', '§7', '§7.1', '§7.2', '§7.2.1', '§7.2.3',
  '§7.3', '§7.4', '§8', '§8.1', '§8.2', '§8.3', '§8.4', '§8.5', '§9', '§9.1', '§9.2', '§10', '§10.1',
  '§11', '§11.1', '§11.2', '§12', '§12.1', '§12.2', '§12.3.1', '§12.3.2', '§13', '§13.1', '§13.1.1',
  '§13.1.2', '§13.2', '§13.3', '§13.3.1', '§13.3.2', '§13.3.3', '§13.4', '§14', '§14.1.1', '§14.1.2',
  '§14.2', '§14.3', '§17', '§17.1', '§17.2', '§18', '§18.1',
] as const;

/**
 * Documents the catalog cites, by short id. Section lists record what was read
 * (see the package README for the provenance of each).
 */
export const CATALOG_DOCUMENTS = {
  'mhlw-gl6-ops': {
    title: {
      ja: '医療情報システムの安全管理に関するガイドライン 第6.0版 システム運用編',
      en: 'Guidelines for the Security Management of Medical Information Systems, 6th edition — System Operations volume',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2023,
    url: null,
    knownSections: GL6_OPS_SECTIONS,
  },
  'role-split-checklist-2024': {
    title: {
      ja: '医療情報システムの契約における当事者間の役割分担等に関する確認表',
      en: 'Check sheet on the division of roles between the parties to medical information system contracts',
    },
    publisher: { ja: '総務省・厚生労働省・経済産業省', en: 'MIC, MHLW and METI (joint)' },
    year: 2024,
    url: 'https://www.mhlw.go.jp/stf/newpage_40268.html',
    // Only these items could be verified from the available copies; 利用イメージ is the
    // usage-example slide presented with the sheet (WG 資料4).
    knownSections: ['Part1 1-①', 'Part2 A-1', 'Part2 A-8', '利用イメージ'],
  },
  'cyber-checklist-r6': {
    title: {
      ja: '令和6年度版 医療機関におけるサイバーセキュリティ対策チェックリスト',
      en: 'Cybersecurity checklist for medical institutions, FY2024 edition',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2024,
    url: 'https://www.mhlw.go.jp/content/10808000/001253950.pdf',
    // The exact numbering of the three rows under 2-(7..9) is not verified.
    knownSections: ['1-(1)', '2-(1)', '2-(2)', '2-(3)', '2-(4)', '2-(5)', '2-(6)', '2-(7..9)', '3-(1)', '3-(2)', '3-(3)', '事業者確認用'],
  },
  'risk-communication-2023': {
    title: {
      ja: 'クラウド電子カルテ事業者によるリスク・コミュニケーションの実践と課題',
      en: 'Risk communication by a cloud EHR vendor: practice and open issues',
    },
    publisher: { ja: '株式会社ヘンリー（医療ISAC Security Lecture 2023 #008）', en: 'Henry, Inc. (Medical ISAC Security Lecture 2023 #008)' },
    year: 2023,
    url: 'https://m-isac.jp/2023/11/13/sl202308/',
    knownSections: [
      'slide 6', 'slide 8', 'slide 9', 'slide 11', 'slide 12', 'slide 16', 'slide 20', 'slide 23', 'slide 24',
      'slide 26', 'slide 27', 'slide 29', 'slide 30', 'slide 31', 'slide 33', 'slide 34', 'slide 35',
      'slide 36', 'slide 37', 'slide 43', 'slide 45',
    ],
  },
  'provider-gl-1.1': {
    title: {
      ja: '医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン 第1.1版',
      en: 'Security management guidelines for providers of information systems and services handling medical information, version 1.1',
    },
    publisher: { ja: '総務省・経済産業省', en: 'MIC and METI' },
    year: 2023,
    url: 'https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000359.html',
    // §5.1.6(1) is cited as quoted on slide 6 of risk-communication-2023.
    knownSections: ['§4.3', '§4.4', '§5.1.6(1)'],
  },
} as const satisfies Record<string, TCatalogDocument>;

export type TCatalogDocumentId = keyof typeof CATALOG_DOCUMENTS;

export const CATALOG_DOCUMENT_IDS = Object.keys(CATALOG_DOCUMENTS) as TCatalogDocumentId[];

export function isCatalogDocumentId(id: string): id is TCatalogDocumentId {
  return Object.hasOwn(CATALOG_DOCUMENTS, id);
}

/** True when `section` is one the catalog authors read in `document` (see `knownSections`). */
export function isKnownSection(document: string, section: string): boolean {
  if (!isCatalogDocumentId(document)) return false;
  const known: readonly string[] = CATALOG_DOCUMENTS[document].knownSections;
  return known.some((k) => section === k || section.startsWith(`${k} `));
}

/** Typed reference builder used by the catalog data. */
export function ref(document: TCatalogDocumentId, section: string, note?: string): TDutyReference {
  return note === undefined ? { document, section } : { document, section, note };
}
