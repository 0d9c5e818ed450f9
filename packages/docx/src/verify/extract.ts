import { SaxesParser } from 'saxes';

/**
 * The visible text of an annex's main part (word/document.xml), table by table and cell by cell, read with a
 * streaming XML parser: linear work, no regex over untrusted XML, a parse error instead of a crash on malformed
 * input. Only what a reader sees counts: w:t text, tabs and breaks; deleted revisions (w:delText), field codes
 * (w:instrText) and everything inside drawings are ignored. Whitespace is normalized, so a file re-saved by Word
 * or LibreOffice (runs split or merged, paragraphs re-wrapped) reads the same.
 */

export type TExtractedTable = {
  /** Text of the level-1 heading the table sits under ('' before the first heading: the cover). */
  section: string;
  rows: string[][];
};

export type TExtractedAnnex = {
  tables: TExtractedTable[];
  /** Non-empty body paragraphs outside tables, with their section. */
  paragraphs: { section: string; text: string }[];
};

/** Whitespace of any kind (including the ideographic space and line breaks) collapses to one space. */
export const normalizeText = (s: string): string =>
  s
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\s\u200b\u2060\u00ad]+/gu, ' ')
    .trim();

export class AnnexXmlError extends Error {}

type Frame = { rows: string[][]; row: string[] | null; cell: string[] | null };

export const extractAnnexText = (xml: string): TExtractedAnnex => {
  const out: TExtractedAnnex = { tables: [], paragraphs: [] };
  const parser = new SaxesParser({ xmlns: false });
  const tables: Frame[] = [];
  let section = '';
  let para: string | null = null;
  let heading = false;
  let inText = false;
  let skip = 0; // inside w:drawing / mc:Fallback / w:pict: not body text
  let error: Error | null = null;

  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const n = tag.name;
    if (n === 'w:drawing' || n === 'w:pict' || n === 'mc:Fallback' || n === 'w:object') {
      skip++;
      return;
    }
    if (skip) return;
    switch (n) {
      case 'w:tbl':
        tables.push({ rows: [], row: null, cell: null });
        break;
      case 'w:tr': {
        const t = tables.at(-1);
        if (t) t.row = [];
        break;
      }
      case 'w:tc': {
        const t = tables.at(-1);
        if (t) t.cell = [];
        break;
      }
      case 'w:p':
        para = '';
        heading = false;
        break;
      case 'w:pStyle': {
        const v = tag.attributes['w:val'];
        if (typeof v === 'string' && /^(Heading1|見出し1)$/i.test(v) && tables.length === 0) heading = true;
        break;
      }
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (para !== null) para += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (para !== null) para += '\n';
        break;
    }
  });
  parser.on('text', (t) => {
    if (inText && !skip && para !== null) para += t;
  });
  parser.on('closetag', (tag) => {
    const n = tag.name;
    if (n === 'w:drawing' || n === 'w:pict' || n === 'mc:Fallback' || n === 'w:object') {
      skip = Math.max(0, skip - 1);
      return;
    }
    if (skip) return;
    switch (n) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        const text = normalizeText(para ?? '');
        para = null;
        const t = tables.at(-1);
        if (t?.cell) {
          if (text) t.cell.push(text);
        } else if (tables.length === 0) {
          if (heading) section = text;
          if (text) out.paragraphs.push({ section, text });
        }
        break;
      }
      case 'w:tc': {
        const t = tables.at(-1);
        if (t?.cell && t.row) t.row.push(t.cell.join(' '));
        if (t) t.cell = null;
        break;
      }
      case 'w:tr': {
        const t = tables.at(-1);
        if (t?.row) t.rows.push(t.row);
        if (t) t.row = null;
        break;
      }
      case 'w:tbl': {
        const done = tables.pop();
        if (!done) break;
        const outer = tables.at(-1);
        // A nested table's text belongs to the cell that holds it.
        if (outer?.cell) outer.cell.push(done.rows.map((r) => r.join(' ')).join(' '));
        else out.tables.push({ section, rows: done.rows });
        break;
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) throw new AnnexXmlError((error as Error).message);
  return out;
};
