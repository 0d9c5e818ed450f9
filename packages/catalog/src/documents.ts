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
  /** Short name used when a reference is printed for people (「安全管理GL 6.0 運用編 §8.2」). */
  shortTitle: TLocalized;
  /**
   * How some sections are printed, where the raw section would mislead — e.g. a checklist row
   * whose number is not verified. Also covers sections older catalog versions cited.
   */
  sectionLabels?: Readonly<Record<string, TLocalized>>;
}

const GL6_OPS_SECTIONS = [
  '§1', '§1.1', '§2', '§2.1', '§3', '§3.1', '§3.2', '§3.3.1', '§3.3.2', '§3.4.1', '§3.4.2', '§3.5',
  '§4', '§4.1', '§4.2', '§5', '§5.1', '§5.2', '§6', '§6.2', '§7', '§7.1', '§7.2', '§7.2.1', '§7.2.2', '§7.2.3',
  '§7.3', '§7.4', '§8', '§8.1', '§8.2', '§8.3', '§8.4', '§8.5', '§9', '§9.1', '§9.2', '§10', '§10.1',
  '§11', '§11.1', '§11.2', '§12', '§12.1', '§12.2', '§12.3.1', '§12.3.2', '§13', '§13.1', '§13.1.1',
  '§13.1.2', '§13.2', '§13.3', '§13.3.1', '§13.3.2', '§13.3.3', '§13.4', '§14', '§14.1.1', '§14.1.2',
  '§14.2', '§14.3', '§15', '§15.1', '§16', '§16.1', '§16.2', '§17', '§17.1', '§17.2', '§18', '§18.1',
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
    shortTitle: { ja: '安全管理GL 6.0 運用編', en: 'MHLW GL 6.0 Operations' },
  },
  'role-split-checklist-2024': {
    title: {
      ja: '医療情報システムの契約における当事者間の役割分担等に関する確認表',
      en: 'Check sheet on the division of roles between the parties to medical information system contracts',
    },
    publisher: { ja: '総務省・厚生労働省・経済産業省', en: 'MIC, MHLW and METI (joint)' },
    year: 2024,
    url: 'https://www.mhlw.go.jp/stf/newpage_40268.html',
    // Only these items could be verified from the available copies. The 利用イメージ slide is
    // WG material, not part of the sheet (see wg22-material-4).
    knownSections: ['Part1 1-①', 'Part2 A-1', 'Part2 A-8'],
    shortTitle: { ja: '役割分担確認表（2024）', en: 'Role-split check sheet (2024)' },
    sectionLabels: { 利用イメージ: { ja: '（医療等情報利活用WG 第22回 資料4 の利用イメージ）', en: '(usage example, WG No.22 material 4)' } },
  },
  'cyber-checklist-r6': {
    title: {
      ja: '令和6年度版 医療機関におけるサイバーセキュリティ対策チェックリスト',
      en: 'Cybersecurity checklist for medical institutions, FY2024 edition',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2024,
    url: 'https://www.mhlw.go.jp/content/10808000/001253950.pdf',
    // The rows for patches, unneeded software and 接続元制限 sit under 管理・運用 but their
    // numbers are not verified: they are cited as the group, never by a row number.
    knownSections: ['1-(1)', '2-(1)', '2-(2)', '2-(3)', '2-(4)', '2-(5)', '2-(6)', '管理・運用', '3-(1)', '3-(2)', '3-(3)', '事業者確認用'],
    shortTitle: { ja: 'R6チェックリスト', en: 'R6 checklist' },
    sectionLabels: {
      管理・運用: { ja: '管理・運用（行番号未確認）', en: '管理・運用 (row not verified)' },
      '2-(7..9)': { ja: '管理・運用（行番号未確認）', en: '管理・運用 (row not verified)' },
    },
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
    shortTitle: { ja: 'ヘンリー講演資料（2023）', en: 'Henry lecture slides (2023)' },
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
    shortTitle: { ja: '提供事業者GL 第1.1版', en: 'Provider GL v1.1' },
  },
  'wg22-material-4': {
    title: {
      ja: '健康・医療・介護情報利活用検討会 医療等情報利活用ワーキンググループ（第22回）資料4',
      en: 'MHLW working group on the use of medical information, 22nd meeting, material 4',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2024,
    url: 'https://www.mhlw.go.jp/stf/newpage_40268.html',
    // The multi-vendor usage example shown beside the 確認表; not part of the sheet itself.
    knownSections: ['利用イメージ'],
    shortTitle: { ja: '医療等情報利活用WG 第22回 資料4', en: 'WG No.22 material 4' },
  },
  'cyber-checklist-r7': {
    title: {
      ja: '令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト',
      en: 'Cybersecurity checklist for medical institutions, FY2025 edition',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2025,
    url: null,
    // Item numbers as seen in the R7 manual (updates-2026-12.md §2); others are not cited.
    knownSections: ['①', '②', '③', '⑥', '⑧', '⑨', '⑫', '⑬', '事業者確認用'],
    shortTitle: { ja: 'R7チェックリスト', en: 'R7 checklist' },
  },
  'bcp-kakuninhyo-2024': {
    title: {
      ja: 'サイバー攻撃を想定した事業継続計画（BCP）策定の確認表',
      en: 'Check sheet for drawing up a business continuity plan (BCP) that assumes a cyber-attack',
    },
    publisher: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare (MHLW)' },
    year: 2024,
    url: null,
    // Five steps (平時・検知・初動・復旧・事後); only step 5's items 5-5 and 5-6 were read item by item.
    knownSections: ['ステップ5 事後', '5-5', '5-6'],
    shortTitle: { ja: 'BCP策定の確認表（2024）', en: 'Cyber BCP check sheet (2024)' },
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
