import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { documentStyles } from './styles.ts';
import { type TRowFactory, table } from './table.ts';
import { X_TABLE_CLOSE, xTableOpen } from './wordml.ts';

/** Where format 3 puts a table whose rows it writes as WordprocessingML text (wordml.ts), one row at a time. */
export type TXmlTableSink = (widths: readonly number[], rows: () => Iterable<string>) => Paragraph;

/** A piece of the main part, in document order. */
export type TDocumentPiece = { xml: string; fromDocx: boolean };

/** Rows are handed on in batches of about this many characters (fewer, larger strings to encode and deflate). */
const BATCH_CHARS = 256 * 1024;

/** Tables longer than this are written in chunks; shorter ones (every small annex) are built as before. */
export const DEFER_ROWS = 600;
const CHUNK_ROWS = 500;

const marker = (i: number) => `BUNKAI-DEFERRED-TABLE-${i}`;

/**
 * Large tables (the item tables and the asset × duty matrix of a big
 * engagement, tens of thousands of rows) built a few hundred rows at a time.
 * The docx library keeps an object graph of every row of a document until it
 * is packed — gigabytes for the stress engagement, most of the build time
 * spent in garbage collection. Here each chunk is rendered by docx itself in
 * a small document of its own (same styles, same column widths), its rows
 * cut out of that document's XML, and the whole table put where a marker
 * paragraph stands in the main document. Deterministic like the rest.
 */
export const createDeferredTables = () => {
  type TPending = { rows: readonly TRowFactory[]; widths: readonly number[] } | { xml: () => Iterable<string>; widths: readonly number[] };
  const pending: TPending[] = [];

  /** A table now, or a marker paragraph standing for it until `fill`. */
  const defer = (rows: readonly TRowFactory[], widths: readonly number[]): Paragraph | Table => {
    if (rows.length <= DEFER_ROWS) return table(rows.map((r) => r()), widths);
    pending.push({ rows, widths });
    return new Paragraph({ children: [new TextRun(marker(pending.length - 1))] });
  };

  const deferXml: TXmlTableSink = (widths, xml) => {
    pending.push({ xml, widths });
    return new Paragraph({ children: [new TextRun(marker(pending.length - 1))] });
  };

  const render = async (i: number): Promise<string> => {
    const p = pending[i]!;
    if ('xml' in p) return [...chunksOf(p)].join('');
    const { rows, widths } = p;
    let head = '';
    const parts: string[] = [];
    for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
      const chunk = rows.slice(from, from + CHUNK_ROWS).map((r) => r());
      const doc = new Document({ styles: documentStyles(), sections: [{ children: [table(chunk, widths)] }] });
      const files = unzipSync(await Packer.toBuffer(doc), { filter: (f) => f.name === 'word/document.xml' });
      const xml = strFromU8(files['word/document.xml']!);
      const start = xml.indexOf('<w:tbl>');
      const firstRow = xml.indexOf('<w:tr', start);
      const end = xml.lastIndexOf('</w:tbl>');
      if (start < 0 || firstRow < 0 || end < firstRow) throw new Error('deferred table: unexpected document.xml from docx');
      if (from === 0) head = xml.slice(start, firstRow);
      parts.push(xml.slice(firstRow, end));
    }
    return `${head}${parts.join('')}</w:tbl>`;
  };

  /**
   * Puts each table in place of its marker paragraph. A marker that ends a
   * section carries the section's properties; they stay, in an empty paragraph
   * after the table (as docx writes them after a table that ends a section).
   */
  const fill = async (documentXml: string): Promise<string> => {
    let out = documentXml;
    for (let i = 0; i < pending.length; i++) {
      const at = out.indexOf(marker(i));
      const pStart = out.lastIndexOf('<w:p>', at);
      const pEnd = out.indexOf('</w:p>', at) + '</w:p>'.length;
      if (at < 0 || pStart < 0) throw new Error(`deferred table ${i}: marker not found`);
      const paragraph = out.slice(pStart, pEnd);
      const pPr = /<w:pPr>[\s\S]*<\/w:pPr>/.exec(paragraph)?.[0] ?? '';
      const keep = pPr.includes('<w:sectPr') ? `<w:p>${pPr}</w:p>` : '';
      out = `${out.slice(0, pStart)}${await render(i)}${keep}${out.slice(pEnd)}`;
    }
    return out;
  };

  /** A text table's XML in batches: the table's opening, its rows as they are made, its close. */
  function* chunksOf(p: { xml: () => Iterable<string>; widths: readonly number[] }): Generator<string> {
    let batch = xTableOpen(p.widths);
    for (const row of p.xml()) {
      batch += row;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    yield batch + X_TABLE_CLOSE;
  }

  /**
   * The main part as a sequence of pieces, each table in place of its marker, without ever holding the whole
   * document: the text tables come a batch of rows at a time (what format 3 streams into the package). `fromDocx`
   * marks what the docx library wrote (only that can hold drawings).
   */
  async function* stream(documentXml: string): AsyncGenerator<TDocumentPiece> {
    let from = 0;
    for (let i = 0; i < pending.length; i++) {
      const at = documentXml.indexOf(marker(i), from);
      const pStart = documentXml.lastIndexOf('<w:p>', at);
      const pEnd = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
      if (at < 0 || pStart < from) throw new Error(`deferred table ${i}: marker not found`);
      const pPr = /<w:pPr>[\s\S]*<\/w:pPr>/.exec(documentXml.slice(pStart, pEnd))?.[0] ?? '';
      yield { xml: documentXml.slice(from, pStart), fromDocx: true };
      const p = pending[i]!;
      if ('xml' in p) for (const xml of chunksOf(p)) yield { xml, fromDocx: false };
      else yield { xml: await render(i), fromDocx: true };
      if (pPr.includes('<w:sectPr')) yield { xml: `<w:p>${pPr}</w:p>`, fromDocx: true };
      from = pEnd;
    }
    yield { xml: documentXml.slice(from), fromDocx: true };
  }

  return { defer, deferXml, fill, stream, count: () => pending.length };
};
