import { IMPORT_MAX_BYTES, XLSX_MEDIA_TYPE, ZImportJsonBody, validationError } from '@bunkai/domain';
import type { CsvRecord } from './csv.ts';
import type { ImportFile } from './import-read.ts';
import type { ImportWorkerPool } from './import-worker-pool.ts';

export type { ImportFile } from './import-read.ts';

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

/** File → text records, read in the import worker (bounded; see import-read.ts); refusals become 400 / 413. */
export const readImportRecords = async (pool: ImportWorkerPool, file: ImportFile): Promise<CsvRecord[]> => {
  const r = await pool.read(file);
  if (r.ok) return r.records;
  if (r.status === 413) throw Object.assign(new Error(r.message), { statusCode: 413 });
  if (r.line !== undefined) throw validationError(r.code, r.message, { rows: [{ row: r.line, column: 'csv', message: r.message }] });
  throw unreadable(r.message);
};
