import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV 入出力 on csv-parse / csv-stringify, with the dialect the tests pin down.
 *
 * Reading: an optional UTF-8 BOM, fields separated by commas, records by CRLF, LF or CR (mixed
 * in one file, as files edited on several machines are); a quoted field may hold commas, line
 * breaks and `""`. A quote inside an unquoted field is kept as a character (lenient, like Excel);
 * text after a closing quote is an error. Writing: fields quoted when they hold a comma, quote,
 * CR or LF; CRLF record ends, a trailing CRLF; optionally the BOM Excel needs to read UTF-8.
 */

export type CsvRecord = {
  /** 1-based physical line the record starts on (header = 1). */
  line: number;
  fields: string[];
};

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export const BOM = '\uFEFF';

const CR = 0x0d;
const LF = 0x0a;

/** Line number of a byte offset: CRLF, LF and CR each end one line. */
const lineCounter = (bytes: Buffer) => {
  let at = 0;
  let line = 1;
  return (offset: number): number => {
    for (; at < offset; at++) if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF)) line++;
    return line;
  };
};

/** Where the record after `end` starts: past the blank lines csv-parse skipped. */
const skipBlankLines = (bytes: Buffer, end: number): number => {
  let i = end;
  while (bytes[i] === CR || bytes[i] === LF) i++;
  return i;
};

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected character after a closing quote (write "" for a quote inside a quoted field)',
};

/**
 * Parses CSV text into records; blank lines are dropped (but still counted in `line`).
 * Strict first, so text after a closing quote is refused; a file with a quote inside an
 * unquoted field (`5" disk`) is read again leniently (csv-parse relaxes both cases at once,
 * so in such a file text after a closing quote is kept as written).
 */
export const parseCsv = (input: string): CsvParseResult => {
  const bytes = Buffer.from(input, 'utf8');
  const attempt = (relaxQuotes: boolean): CsvParseResult | 'relax' => {
    const ends: number[] = [];
    const lineAt = lineCounter(bytes);
    const startOf = (i: number) => skipBlankLines(bytes, i === 0 ? (input.startsWith(BOM) ? 3 : 0) : ends[i - 1]!);
    try {
      const rows: string[][] = parse(bytes, {
        bom: true,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_quotes: relaxQuotes,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context) => {
          ends.push(context.bytes);
          return record;
        },
      });
      return { ok: true, records: rows.map((fields, i) => ({ line: lineAt(startOf(i)), fields })) };
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      if (e.code === 'INVALID_OPENING_QUOTE' && !relaxQuotes) return 'relax';
      return { ok: false, line: lineAt(startOf(ends.length)), message: MESSAGES[e.code] ?? e.message };
    }
  };
  const strict = attempt(false);
  return strict === 'relax' ? (attempt(true) as CsvParseResult) : strict;
};

/**
 * Spreadsheet formula injection: Excel and LibreOffice evaluate a cell that
 * starts with = + - @ (or a tab / CR that hides one), so exported text could
 * run a formula on the reader's machine. Such cells get a leading single
 * quote, which both programs show as plain text. Only CSV needs this; .xlsx
 * cells are written as typed strings and never evaluated.
 */
export const neutralizeFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Serializes records as RFC 4180 CSV with CRLF line ends (and a BOM unless told otherwise). */
export const toCsv = (rows: readonly (readonly (string | number | null)[])[], { bom = true, neutralize = true } = {}): string =>
  stringify(
    rows.map((r) => [...r]),
    {
      bom,
      record_delimiter: '\r\n',
      // csv-stringify quotes a comma, a quote and the record delimiter; a lone CR or LF must be quoted too.
      quoted_match: /[\r\n]/,
      cast: { string: (v) => (neutralize ? neutralizeFormula(v) : v), number: (v) => String(v) },
    },
  );
