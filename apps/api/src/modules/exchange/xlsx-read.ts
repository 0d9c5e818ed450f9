import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type Entry, type ZipFile, fromBuffer } from 'yauzl';
import type { CsvRecord } from './csv.ts';

/**
 * Reads the first worksheet of an uploaded .xlsx as text records with bounded work whatever the file claims:
 * only the four parts it needs are inflated (workbook, its relationships, shared strings, the sheet), each
 * streamed through yauzl with a hard cap checked while inflating, and parsed as it arrives with saxes (no
 * DOM, no whole workbook in memory as exceljs's loader would build). Rows, columns and cells are capped too.
 * A 1 MB file inflating to 1 GiB stops at the cap after a few milliseconds of inflation.
 */

export type XlsxLimits = {
  /** Largest inflated size of one part (bytes). */
  maxPartBytes: number;
  /** Data rows (after the header row). */
  maxRows: number;
  /** Highest column number (A = 1). */
  maxColumns: number;
  /** Non-empty cells in the sheet. */
  maxCells: number;
  /** Central-directory entries looked at. */
  maxEntries: number;
};

/** A refusal the caller turns into 400 (unreadable) or 413 (over a cap). */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

const unreadable = (why: string) => new XlsxReadError(`The file is not a readable .xlsx workbook (${why}).`);
const over = (message: string) => new XlsxReadError(message, true);

const openZip = (buffer: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    // validateEntrySizes: inflating past the size a header declares is an error, so a lying header cannot dodge the cap.
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(unreadable('not a zip archive')) : resolve(zip),
    ),
  );

/** The central directory (names → entries), without inflating anything. */
const listEntries = (zip: ZipFile, maxEntries: number): Promise<Map<string, Entry>> =>
  new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('error', (e: Error) => reject(unreadable(e.message)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      if (entries.size >= maxEntries) return reject(over(`The workbook has more than ${maxEntries} parts.`));
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.readEntry();
  });

/** Streams one part through a SAX parser, stopping at `limit` inflated bytes. */
const parsePart = (zip: ZipFile, entry: Entry, limit: number, wire: (parser: SaxesParser) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    const tooBig = () => over(`The workbook's part ${entry.fileName} inflates beyond ${Math.round(limit / 1024 / 1024)} MB.`);
    if (entry.uncompressedSize > limit) return reject(tooBig());
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(unreadable(err?.message ?? 'unreadable part'));
      const parser = new SaxesParser({ xmlns: false });
      const text = new StringDecoder('utf8');
      let size = 0;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        stream.destroy();
        reject(e instanceof XlsxReadError ? e : unreadable(`${entry.fileName}: ${e instanceof Error ? e.message : String(e)}`));
      };
      parser.on('error', fail);
      wire(parser);
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > limit) return fail(tooBig());
        try {
          parser.write(text.write(chunk));
        } catch (e) {
          fail(e);
        }
      });
      stream.on('error', (e: Error) => fail(/too many bytes/i.test(e.message) ? tooBig() : e));
      stream.on('end', () => {
        if (failed) return;
        try {
          parser.write(text.end()).close();
          resolve();
        } catch (e) {
          fail(e);
        }
      });
    });
  });

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** `BC12` → 55 (1-based column), or undefined. */
const columnOf = (ref: string | undefined): number | undefined => {
  const m = ref ? /^([A-Z]{1,3})\d*$/.exec(ref) : null;
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/**
 * Collects the text of `<t>` elements inside each `item` element, skipping phonetic runs (`<rPh>`, the
 * furigana Japanese Excel stores beside the text). Used for shared strings (`<si>`) and inline strings (`<is>`).
 */
const textCollector = () => {
  let inT = false;
  let inPhonetic = false;
  let text = '';
  return {
    open: (name: string) => {
      if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    close: (name: string) => {
      if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inT = false;
    },
    text: (t: string) => {
      if (inT) text += t;
    },
    take: () => {
      const t = text;
      text = '';
      return t;
    },
  };
};

/** The first worksheet's records; blank rows dropped, `line` = the sheet's row number. */
export const readXlsxBounded = async (buffer: Buffer, limits: XlsxLimits): Promise<CsvRecord[]> => {
  const zip = await openZip(buffer);
  try {
    const entries = await listEntries(zip, limits.maxEntries);
    const part = (name: string) => entries.get(name);

    // The first sheet's part: workbook.xml names it, its relationships file says where it is.
    let firstSheetRel: string | undefined;
    const workbook = part('xl/workbook.xml');
    if (!workbook) throw unreadable('no xl/workbook.xml');
    await parsePart(zip, workbook, limits.maxPartBytes, (p) =>
      p.on('opentag', (tag) => {
        if (tag.name === 'sheet' && firstSheetRel === undefined) firstSheetRel = attr(tag, 'r:id') ?? '';
      }),
    );
    let sheetPath = 'xl/worksheets/sheet1.xml';
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels && firstSheetRel)
      await parsePart(zip, rels, limits.maxPartBytes, (p) =>
        p.on('opentag', (tag) => {
          const target = attr(tag, 'Target');
          if (tag.name === 'Relationship' && attr(tag, 'Id') === firstSheetRel && target)
            sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
        }),
      );
    const sheet = part(sheetPath);
    if (!sheet) throw unreadable('the workbook has no worksheet');

    const shared: string[] = [];
    const sst = part('xl/sharedStrings.xml');
    if (sst) {
      const collect = textCollector();
      await parsePart(zip, sst, limits.maxPartBytes, (p) => {
        p.on('opentag', (tag) => collect.open(tag.name));
        p.on('text', collect.text);
        p.on('closetag', (tag) => {
          collect.close(tag.name);
          if (tag.name === 'si') shared.push(collect.take());
        });
      });
    }

    const records: CsvRecord[] = [];
    let cells = 0;
    let row: { line: number; fields: string[] } | null = null;
    let cell: { column: number; type: string } | null = null;
    let nextColumn = 1;
    let inValue = false;
    let value = '';
    const inline = textCollector();
    await parsePart(zip, sheet, limits.maxPartBytes, (p) => {
      p.on('opentag', (tag) => {
        if (tag.name === 'row') {
          const r = Number(attr(tag, 'r'));
          row = { line: Number.isInteger(r) && r > 0 ? r : (records.at(-1)?.line ?? 0) + 1, fields: [] };
          nextColumn = 1;
        } else if (tag.name === 'c' && row) {
          const column = columnOf(attr(tag, 'r')) ?? nextColumn;
          if (column > limits.maxColumns) throw over(`The worksheet uses column ${column}; at most ${limits.maxColumns} columns are read.`);
          cell = { column, type: attr(tag, 't') ?? 'n' };
          nextColumn = column + 1;
          value = '';
        } else if (tag.name === 'v' && cell) inValue = true;
        else if (cell) inline.open(tag.name);
      });
      p.on('text', (t) => {
        if (inValue) value += t;
        else if (cell) inline.text(t);
      });
      p.on('closetag', (tag) => {
        if (tag.name === 'v') inValue = false;
        else if (tag.name === 'c' && cell && row) {
          const text = cellText(cell.type, value, inline.take(), shared);
          if (text !== '') {
            if (++cells > limits.maxCells) throw over(`The worksheet has more than ${limits.maxCells} filled cells.`);
            while (row.fields.length < cell.column - 1) row.fields.push('');
            row.fields[cell.column - 1] = text;
          }
          cell = null;
        } else if (tag.name === 'row' && row) {
          if (row.fields.some((f) => f !== '')) {
            // The header row plus maxRows data rows.
            if (records.length > limits.maxRows) throw over(`The worksheet has more than ${limits.maxRows} rows; at most ${limits.maxRows} data rows are accepted.`);
            records.push(row);
          }
          row = null;
        } else if (cell) inline.close(tag.name);
      });
    });
    return records;
  } finally {
    zip.close();
  }
};

/** A cell's text as Excel shows it unformatted: shared / inline / formula strings, numbers as stored, booleans. */
const cellText = (type: string, value: string, inlineText: string, shared: readonly string[]): string => {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? '';
    case 'inlineStr':
      return inlineText;
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    default:
      return value;
  }
};
