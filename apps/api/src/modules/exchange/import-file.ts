import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, XLSX_MEDIA_TYPE, ZImportJsonBody, validationError } from '@bunkai/domain';
import { type CsvRecord, parseCsv } from './csv.ts';
import { readXlsx } from './xlsx.ts';

/** An uploaded import file, whichever way it arrived (raw body or JSON with base64). */
export type ImportFile = { format: 'csv' | 'xlsx'; content: Buffer };

const tooLarge = () =>
  Object.assign(new Error(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`), { statusCode: 413 });

const unreadable = (message: string) => validationError('import_unreadable', message);

/**
 * The body of an import request: raw `text/csv` or .xlsx (buffers from the
 * route's own content-type parsers), or JSON `{ format, contentBase64 }`.
 */
export const importFileFrom = (contentType: string | undefined, body: unknown): ImportFile => {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (Buffer.isBuffer(body)) {
    if (body.length > IMPORT_MAX_BYTES) throw tooLarge();
    return { format: type === XLSX_MEDIA_TYPE ? 'xlsx' : 'csv', content: body };
  }
  if (type !== 'application/json')
    throw Object.assign(new Error(`Send the file as text/csv, ${XLSX_MEDIA_TYPE} or application/json, not ${type || 'no content type'}.`), { statusCode: 415 });
  const parsed = ZImportJsonBody.safeParse(body);
  if (!parsed.success)
    throw validationError(
      'invalid_request',
      'Send the file as text/csv, as an .xlsx body, or as JSON { format: "csv" | "xlsx", contentBase64 }.',
      parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
    );
  const content = Buffer.from(parsed.data.contentBase64, 'base64');
  if (content.length > IMPORT_MAX_BYTES) throw tooLarge();
  return { format: parsed.data.format, content };
};

/** File → text records. CSV must be UTF-8 (a BOM is fine): a Shift_JIS file is refused with a hint rather than garbled. */
export const readImportRecords = async (file: ImportFile): Promise<CsvRecord[]> => {
  if (file.format === 'xlsx') {
    const r = await readXlsx(file.content, IMPORT_MAX_ROWS);
    if (!r.ok) throw unreadable(r.message);
    return r.records;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw unreadable('The CSV is not UTF-8. In Excel, save it as "CSV UTF-8 (コンマ区切り)" and upload again.');
  }
  const r = parseCsv(text);
  if (!r.ok) throw validationError('import_invalid', `The CSV cannot be read at line ${r.line}: ${r.message}.`, { rows: [{ row: r.line, column: 'csv', message: r.message }] });
  return r.records;
};
