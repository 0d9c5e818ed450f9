import { IMPORT_MAX_ROWS } from '@bunkai/domain';
import { type CsvRecord, parseCsv } from './csv.ts';
import { XlsxReadError, type XlsxLimits, readXlsxBounded } from './xlsx-read.ts';

/** An uploaded import file, whichever way it arrived (raw body or JSON with base64). */
export type ImportFile = { format: 'csv' | 'xlsx'; content: Buffer };

/**
 * Caps on what one import may make the server do. The upload itself is at most IMPORT_MAX_BYTES (5 MB);
 * these bound what it inflates to and how much table it may hold, whatever the file claims.
 */
export const IMPORT_LIMITS: XlsxLimits = {
  maxPartBytes: 32 * 1024 * 1024,
  maxRows: IMPORT_MAX_ROWS,
  maxColumns: 100,
  maxCells: 200_000,
  maxEntries: 1_000,
};

export type CsvEncoding = 'utf-8' | 'shift_jis';

/** What reading a file gives: records, or a refusal the API answers with 400 / 413 (never a crash). */
export type ImportReadResult =
  | { ok: true; records: CsvRecord[]; encoding: CsvEncoding | null }
  | { ok: false; status: 400 | 413; code: string; message: string; line?: number };

/**
 * CSV text from bytes: UTF-8 (a BOM is fine), else Shift_JIS — what Japanese Excel writes for 「CSV (コンマ区切り)」.
 * Node's full ICU decodes `shift_jis` as Windows-31J (①, 髙 and the NEC/IBM extensions included). Japanese text
 * in Shift_JIS is practically never valid UTF-8, and ASCII reads the same in both, so trying UTF-8 first is safe.
 */
export const decodeCsv = (bytes: Buffer): { text: string; encoding: CsvEncoding } | null => {
  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // not this encoding
    }
  }
  return null;
};

const tooMany = (message: string): ImportReadResult => ({ ok: false, status: 413, code: 'import_too_large', message });

/** File → text records, within IMPORT_LIMITS. Pure CPU: the API runs it in a worker thread (import-worker-pool.ts). */
export const readImport = async (file: ImportFile, limits: XlsxLimits = IMPORT_LIMITS): Promise<ImportReadResult> => {
  if (file.format === 'xlsx') {
    try {
      return { ok: true, records: await readXlsxBounded(file.content, limits), encoding: null };
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      return e.tooLarge ? tooMany(e.message) : { ok: false, status: 400, code: 'import_unreadable', message: e.message };
    }
  }
  const decoded = decodeCsv(file.content);
  if (!decoded)
    return { ok: false, status: 400, code: 'import_unreadable', message: 'The CSV is neither UTF-8 nor Shift_JIS. In Excel, save it as "CSV UTF-8 (コンマ区切り)" and upload again.' };
  const r = parseCsv(decoded.text);
  if (!r.ok) return { ok: false, status: 400, code: 'import_invalid', message: `The CSV cannot be read at line ${r.line}: ${r.message}.`, line: r.line };
  if (r.records.length > limits.maxRows + 1) return tooMany(`The file has ${r.records.length - 1} rows; at most ${limits.maxRows} data rows are accepted.`);
  let cells = 0;
  for (const rec of r.records) {
    if (rec.fields.length > limits.maxColumns) return tooMany(`Line ${rec.line} has ${rec.fields.length} fields; at most ${limits.maxColumns} columns are read.`);
    cells += rec.fields.length;
  }
  if (cells > limits.maxCells) return tooMany(`The file has more than ${limits.maxCells} cells.`);
  return { ok: true, records: r.records, encoding: decoded.encoding };
};
