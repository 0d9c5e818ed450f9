/**
 * A small RFC 4180 CSV reader and writer (CSV 入出力).
 *
 * Reading: an optional UTF-8 BOM, fields separated by commas, records by CRLF,
 * LF or CR; a quoted field may hold commas, line breaks and `""` (one quote).
 * A quote inside an unquoted field is kept as a character (lenient, like Excel).
 * Writing: fields quoted when they contain a comma, quote, CR or LF; CRLF
 * record ends, a trailing CRLF; optionally the BOM Excel needs to read UTF-8.
 */

export type CsvRecord = {
  /** 1-based physical line the record starts on (header = 1). */
  line: number;
  fields: string[];
};

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export const BOM = '\uFEFF';

/** Parses CSV text into records; blank lines are dropped (but still counted in `line`). */
export const parseCsv = (input: string): CsvParseResult => {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  /** True once the current field started with a quote (and so must close with one). */
  let inQuotes = false;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
          return { ok: false, line, message: 'unexpected character after a closing quote (write "" for a quote inside a quoted field)' };
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        // a line break inside quotes belongs to the field; CRLF stays CRLF
        line += 1;
        if (ch === '\r' && text[i + 1] === '\n') {
          field += '\r\n';
          i += 2;
          continue;
        }
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (inQuotes) return { ok: false, line: recordLine, message: 'a quoted field is not closed' };
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return { ok: true, records };
};

const needsQuotes = /[",\r\n]/;
const quote = (value: string): string => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Spreadsheet formula injection: Excel and LibreOffice evaluate a cell that
 * starts with = + - @ (or a tab / CR that hides one), so exported text could
 * run a formula on the reader's machine. Such cells get a leading single
 * quote, which both programs show as plain text. Only CSV needs this; .xlsx
 * cells are written as typed strings and never evaluated.
 */
export const neutralizeFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Serializes records as RFC 4180 CSV with CRLF line ends (and a BOM unless told otherwise). */
export const toCsv = (rows: readonly (readonly string[])[], { bom = true, neutralize = true } = {}): string =>
  (bom ? BOM : '') + rows.map((r) => r.map((v) => quote(neutralize ? neutralizeFormula(v) : v)).join(',')).join('\r\n') + '\r\n';
