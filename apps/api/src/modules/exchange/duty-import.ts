import {
  DUTY_IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  type TDutyDefinition,
  type TDutyImportColumn,
  type TImportRowError,
  ZDutyDefinition,
} from '@bunkai/domain';
import { parseReference } from '@bunkai/catalog';
import type { CsvRecord } from './csv.ts';
import { ENGAGEMENT_WIDE_LABEL, assetCategoryFrom, concernFrom, dutyCategoryFrom, normalizeKey, phaseFrom } from './labels.ts';

/**
 * Reads duty definitions (責任項目) from the records of an import file, in
 * the layout of docs/import-format.md. Every problem of every row is
 * collected, so the caller can refuse the whole file with one report.
 */
export type ParsedDuty = { row: number; duty: TDutyDefinition };
export type DutyParseResult = { duties: ParsedDuty[]; errors: TImportRowError[] };

const headerIndex = new Map<string, TDutyImportColumn>(DUTY_IMPORT_COLUMNS.flatMap((c) => c.headers.map((h) => [normalizeKey(h), c.key] as const)));

/** The CSV export prefixes formula-like text with ' (see csv.ts); reading it back drops that quote again. */
const unneutralize = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const splitList = (v: string): string[] =>
  v
    .normalize('NFKC')
    .split(/[,、;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

type FieldResult<T> = { value: T } | { error: string };

/** 「安全管理GL 6.0 運用編 §8.2 | note; …」 — the printed citation (as exports write it) or "<document> <section>". */
const parseReferences = (v: string): FieldResult<TDutyDefinition['references']> => {
  const parts = v
    .replace(/；/g, ';')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const refs: TDutyDefinition['references'] = [];
  for (const part of parts) {
    const bar = part.indexOf('|');
    const main = (bar >= 0 ? part.slice(0, bar) : part).trim();
    const note = bar >= 0 ? part.slice(bar + 1).trim() : '';
    const ref = parseReference(main);
    if (!ref) return { error: `"${part.slice(0, 60)}" is not "<document> <section>" (e.g. "安全管理GL 6.0 運用編 §8.2")` };
    refs.push({ ...ref, ...(note ? { note } : {}) });
  }
  return { value: refs };
};

const mapped = <T>(values: string[], from: (v: string) => T | undefined, what: string): FieldResult<T[]> => {
  const out: T[] = [];
  for (const v of values) {
    const code = from(v);
    if (code === undefined) return { error: `unknown ${what} "${v.slice(0, 60)}"` };
    out.push(code);
  }
  return { value: out };
};

/** zod issue path → the file's column name. */
const columnOf = (path: readonly PropertyKey[]): string => {
  const [head, sub] = path;
  if (head === 'title' || head === 'description') return `${head}_${sub === 'en' ? 'en' : 'ja'}`;
  if (head === 'appliesTo') return 'applies_to';
  if (head === 'kakuninhyoPart') return 'part';
  if (head === 'kakuninhyoItem') return 'kakuninhyo_item';
  return typeof head === 'string' ? head : 'row';
};

export const parseDutyRecords = (records: readonly CsvRecord[], { fromCsv }: { fromCsv: boolean }): DutyParseResult => {
  const errors: TImportRowError[] = [];
  const [header, ...data] = records;
  if (!header) return { duties: [], errors: [{ row: 1, column: 'header', message: 'The file is empty: the first row must name the columns.' }] };

  const columnAt = new Map<TDutyImportColumn, number>();
  header.fields.forEach((name, i) => {
    const key = headerIndex.get(normalizeKey(name));
    if (!key) return; // unknown columns are ignored, so an annotated sheet still imports
    if (columnAt.has(key)) errors.push({ row: header.line, column: name, message: `Two columns mean "${key}".` });
    else columnAt.set(key, i);
  });
  for (const c of DUTY_IMPORT_COLUMNS)
    if (c.required && !columnAt.has(c.key))
      errors.push({ row: header.line, column: c.key, message: `Required column "${c.key}" is missing (accepted headers: ${c.headers.join(', ')}).` });
  if (errors.length) return { duties: [], errors };
  if (data.length > IMPORT_MAX_ROWS)
    return { duties: [], errors: [{ row: header.line, column: 'rows', message: `The file has ${data.length} rows; at most ${IMPORT_MAX_ROWS} are accepted.` }] };

  const duties: ParsedDuty[] = [];
  const firstRowOfCode = new Map<string, number>();
  data.forEach((record, index) => {
    const get = (key: TDutyImportColumn): string => {
      const i = columnAt.get(key);
      const raw = i === undefined ? '' : (record.fields[i] ?? '');
      return (fromCsv ? unneutralize(raw) : raw).trim();
    };
    if (DUTY_IMPORT_COLUMNS.every((c) => get(c.key) === '')) return;
    const rowErrors: TImportRowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ row: record.line, column, message });
    const take = <T>(column: string, r: FieldResult<T>): T | undefined => ('error' in r ? (fail(column, r.error), undefined) : r.value);

    const code = get('code').normalize('NFKC').toUpperCase();
    const phaseText = get('phase');
    const phase = phaseText ? phaseFrom(phaseText) : undefined;
    if (phaseText && !phase) fail('phase', `unknown phase "${phaseText.slice(0, 60)}"`);
    const categoryText = get('category');
    const category = categoryText ? dutyCategoryFrom(categoryText) : undefined;
    if (categoryText && !category) fail('category', `unknown category "${categoryText.slice(0, 60)}"`);
    const appliesText = splitList(get('applies_to')).filter((v) => v !== ENGAGEMENT_WIDE_LABEL);
    const appliesTo = take('applies_to', mapped(appliesText, assetCategoryFrom, 'asset category'));
    const concerns = take('concerns', mapped(splitList(get('concerns')), concernFrom, 'concern'));
    const partText = get('part').normalize('NFKC');
    const partMatch = /^(?:part\s*)?([12])$/i.exec(partText);
    if (partText && !partMatch) fail('part', `part is 1 or 2, not "${partText.slice(0, 20)}"`);
    const orderText = get('order').normalize('NFKC');
    if (orderText && !/^\d{1,6}$/.test(orderText)) fail('order', `order is a whole number, not "${orderText.slice(0, 20)}"`);
    const references = take('references', parseReferences(get('references')));
    const titleJa = get('title_ja');
    const descriptionJa = get('description_ja');
    for (const c of DUTY_IMPORT_COLUMNS) if (c.required && get(c.key) === '') fail(c.key, `${c.key} is empty.`);

    const candidate = {
      code,
      title: { ja: titleJa, en: get('title_en') || titleJa },
      description: { ja: descriptionJa, en: get('description_en') || descriptionJa },
      phase,
      category,
      appliesTo: appliesTo ?? [],
      concerns: concerns ?? [],
      kakuninhyoPart: partMatch ? Number(partMatch[1]) : undefined,
      order: orderText && /^\d{1,6}$/.test(orderText) ? Number(orderText) : (index + 1) * 10,
      ...(get('kakuninhyo_item') ? { kakuninhyoItem: get('kakuninhyo_item') } : {}),
      references,
    };
    const parsed = ZDutyDefinition.safeParse(candidate);
    const reported = new Set(rowErrors.map((e) => e.column));
    // An empty English column borrows the Japanese text: its problems are the Japanese column's.
    if (!get('title_en')) reported.add('title_en');
    if (!get('description_en')) reported.add('description_en');
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        if (reported.has(column)) continue;
        reported.add(column);
        fail(column, issue.message);
      }
    if (code && !reported.has('code')) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) fail('code', `Duplicate code ${code} (already on row ${first}).`);
      else firstRowOfCode.set(code, record.line);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) duties.push({ row: record.line, duty: parsed.data });
  });
  if (!errors.length && !duties.length) errors.push({ row: header.line, column: 'rows', message: 'The file has no duty rows.' });
  return { duties, errors };
};
