import {
  IMPORT_MAX_ROWS,
  KAKUNINHYO_IMPORT_COLUMNS,
  LIMITS,
  type TDutyDefinition,
  type TImportRowError,
  type TKakuninhyoImportColumn,
  ZDutyDefinition,
} from '@bunkai/domain';
import type { CsvRecord } from './csv.ts';
import type { DutyParseResult, ParsedDuty } from './duty-import.ts';
import { normalizeKey } from './labels.ts';

/**
 * Profile `kakuninhyo`: the ministries' 確認表 (医療情報システムの契約における当事者間の役割分担等に関する確認表,
 * with the columns of its 別添1 推奨される対応例) read 1:1 — every row a duty carrying its official number, in
 * the sheet's order. The sheet as users have it has title lines above the header, 「Part1 …」 / 「Part2 …」
 * heading rows instead of (or besides) a Part column, and section headings (「A 共通」) without a 項番;
 * all of that is read, not refused.
 *
 * What the sheet does not say is filled in plainly: phase 契約前 for Part1 (the hospital's checks before
 * contracting) and 平常時 for Part2, category 契約, engagement-wide (no asset categories). 想定されるリスク and
 * 推奨される対応例 are kept in the description under their own headings; ガイドライン等関連部分 becomes the
 * note of the duty's reference to its 確認表 item.
 */

/** The header row is looked for among the first rows (the official sheet has title lines above it). */
const HEADER_SEARCH_ROWS = 20;
const SHEET_DOCUMENT = 'role-split-checklist-2024';

const headerIndex = new Map<string, TKakuninhyoImportColumn>(
  KAKUNINHYO_IMPORT_COLUMNS.flatMap((c) => c.headers.map((h) => [normalizeKey(h), c.key] as const)),
);

const PART_HEADING = /^part\s*([12])(?![0-9])/i;

/** `Part1 1-①` → `KH1-1-1`: a code from the official number (NFKC folds ① to 1), unique per item. */
export const kakuninhyoCode = (part: number, number: string): string =>
  `KH${part}-${number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`.slice(0, LIMITS.code);

const section = (heading: string, text: string) => (text ? `\n\n【${heading}】\n${text}` : '');

export const parseKakuninhyoRecords = (records: readonly CsvRecord[]): DutyParseResult => {
  const headerAt = records.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => {
    const keys = new Set(r.fields.map((f) => headerIndex.get(normalizeKey(f))));
    return keys.has('number') && keys.has('title') && keys.has('content');
  });
  if (headerAt === -1)
    return { duties: [], errors: [{ row: 1, column: 'header', message: 'No header row with 項番, 項目 and 内容 in the first rows: is this the 確認表?' }] };
  const header = records[headerAt]!;
  const columnAt = new Map<TKakuninhyoImportColumn, number>();
  header.fields.forEach((name, i) => {
    const key = headerIndex.get(normalizeKey(name));
    if (key && !columnAt.has(key)) columnAt.set(key, i);
  });
  const data = records.slice(headerAt + 1);
  if (data.length > IMPORT_MAX_ROWS)
    return { duties: [], errors: [{ row: header.line, column: 'rows', message: `The file has ${data.length} rows; at most ${IMPORT_MAX_ROWS} are accepted.` }] };

  // A Part heading above the header row (「Part1 【主に医療機関が実施する項目】」) starts Part1 for the rows below it.
  let part: number | null = null;
  for (const r of records.slice(0, headerAt)) {
    const m = PART_HEADING.exec((r.fields.find((f) => f.trim() !== '') ?? '').trim());
    if (m) part = Number(m[1]);
  }
  const errors: TImportRowError[] = [];
  const duties: ParsedDuty[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const record of data) {
    const get = (key: TKakuninhyoImportColumn) => {
      const i = columnAt.get(key);
      return (i === undefined ? '' : (record.fields[i] ?? '')).trim();
    };
    const number = get('number').replace(/\s+/g, '');
    const partText = get('part');
    const firstText = (record.fields.find((f) => f.trim() !== '') ?? '').trim();
    if (!number) {
      // A heading row: 「Part2 【医療機関と事業者が共同で実施する項目】」 switches part; 「A 共通」 and blank cells are skipped.
      const m = PART_HEADING.exec(partText || firstText);
      if (m) part = Number(m[1]);
      continue;
    }
    const fail = (column: string, message: string) => errors.push({ row: record.line, column, message });
    const partMatch = partText ? PART_HEADING.exec(partText.normalize('NFKC')) ?? /^([12])$/.exec(partText.normalize('NFKC')) : null;
    if (partText && !partMatch) fail('Part', `Part is Part1 or Part2, not "${partText.slice(0, 20)}"`);
    const rowPart = partMatch ? Number(partMatch[1]) : part;
    if (rowPart === null) {
      fail('Part', 'No Part for this row: add a Part column or a 「Part1」 / 「Part2」 heading row above it.');
      continue;
    }
    const item = `Part${rowPart} ${number}`;
    const code = kakuninhyoCode(rowPart, number);
    const guideline = get('guideline');
    const candidate: TDutyDefinition = {
      code,
      title: { ja: get('title'), en: get('title') },
      description: {
        ja: `${get('content')}${section('想定されるリスク', get('risk'))}${section('推奨される対応例', get('recommended'))}`,
        en: `${get('content')}${section('想定されるリスク', get('risk'))}${section('推奨される対応例', get('recommended'))}`,
      },
      phase: rowPart === 1 ? 'pre_contract' : 'normal',
      category: 'contract',
      appliesTo: [],
      concerns: [],
      kakuninhyoPart: rowPart as 1 | 2,
      order: (duties.length + 1) * 10,
      kakuninhyoItem: item,
      references: [{ document: SHEET_DOCUMENT, section: item, ...(guideline ? { note: `ガイドライン等関連部分: ${guideline}`.slice(0, LIMITS.short) } : {}) }],
    };
    const parsed = ZDutyDefinition.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? 'row'), `${item}: ${issue.message}`);
      continue;
    }
    const first = firstRowOfCode.get(code);
    if (first !== undefined) {
      fail('項番', `${item} gives the code ${code}, already used on row ${first}.`);
      continue;
    }
    firstRowOfCode.set(code, record.line);
    duties.push({ row: record.line, duty: parsed.data });
  }
  if (!errors.length && !duties.length) errors.push({ row: header.line, column: 'rows', message: 'The file has no item rows (rows with a 項番).' });
  return { duties: errors.length ? [] : duties, errors };
};
