import type PDFDocument from 'pdfkit';
import { FONT } from './fonts.ts';
import { clean } from './format.ts';

/**
 * A small table and text layer over pdfkit: rows measured before they are
 * drawn, never split across pages; the header (and the current group's name)
 * repeat at the top of every continuation page.
 */

export type Doc = InstanceType<typeof PDFDocument>;

export const COLORS = { text: '#000000', muted: '#555555', faint: '#808080', red: '#B00020', green: '#1F6B2E', header: '#D9E2F3', group: '#F2F2F2', rule: '#7F7F7F' } as const;

/** One line or paragraph of a cell. */
export type TRun = { text: string; bold?: boolean; size?: number; color?: string; join?: boolean };
export type TCellContent = TRun[];
/**
 * A body row: `spans[i]` columns for cell i (default one each); `keepNext` keeps it on the page of the row after it
 * (a duty row with its first asset row, format 3).
 */
export type TRow = { kind: 'body'; cells: TCellContent[]; spans?: number[]; keepNext?: boolean } | { kind: 'group'; label: TRun[] };

export type TTable = {
  widths: number[];
  header: TCellContent[];
  rows: TRow[];
  /** Base text size of body cells. */
  size: number;
  /** Keep a group row with all its rows on one page when they fit on one (default: with its first row only). */
  keepGroups?: boolean;
  /** Cell padding in points (default 3; format 3's responsibility table uses 2, as dense as the .docx's). */
  pad?: number;
};

const PAD = 3;

export const run = (text: string, style: Omit<TRun, 'text'> = {}): TRun => ({ text, ...style });

const useRun = (doc: Doc, r: TRun, base: number): Doc => doc.font(r.bold ? FONT.bold : FONT.regular).fontSize(r.size ?? base);

const runHeight = (doc: Doc, r: TRun, width: number, base: number): number => {
  const text = clean(r.text);
  return text ? useRun(doc, r, base).heightOfString(text, { width, lineGap: 0.5 }) : 0;
};

/**
 * Runs marked `join` continue the paragraph of the run before them (a bold title, then its description). Such a
 * paragraph is measured as one string in the bold face at its largest size: never lower than what is drawn.
 */
const paragraphsOf = (cell: TCellContent): TRun[][] => {
  const out: TRun[][] = [];
  for (const r of cell) {
    if (!clean(r.text)) continue;
    const last = out.at(-1);
    if (r.join && last) last.push(r);
    else out.push([r]);
  }
  return out;
};

const paragraphHeight = (doc: Doc, runs: TRun[], width: number, base: number): number => {
  if (runs.length === 1) return runHeight(doc, runs[0]!, width, base);
  const size = Math.max(...runs.map((r) => r.size ?? base));
  return runHeight(doc, { text: runs.map((r) => r.text).join(''), bold: true, size }, width, base);
};

export const cellHeight = (doc: Doc, cell: TCellContent, width: number, base: number, pad = PAD): number =>
  paragraphsOf(cell).reduce((h, p) => h + paragraphHeight(doc, p, width - 2 * pad, base), 0) + 2 * pad;

const drawCell = (doc: Doc, cell: TCellContent, x: number, y: number, w: number, h: number, base: number, fill?: string, pad = PAD): void => {
  if (fill) doc.save().rect(x, y, w, h).fill(fill).restore();
  doc.save().lineWidth(0.4).strokeColor(COLORS.rule).rect(x, y, w, h).stroke().restore();
  let cy = y + pad;
  for (const p of paragraphsOf(cell)) {
    p.forEach((r, i) => {
      const options = { width: w - 2 * pad, lineGap: 0.5, continued: i < p.length - 1 };
      const styled = useRun(doc, r, base).fillColor(r.color ?? COLORS.text);
      if (i === 0) styled.text(clean(r.text), x + pad, cy, options);
      else styled.text(clean(r.text), options);
    });
    cy += paragraphHeight(doc, p, w - 2 * pad, base);
  }
  doc.fillColor(COLORS.text);
};

/** Bottom of the writable area (the footer lives below it). */
export const bottomOf = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/**
 * Draws a table from the current y. `newPage` adds a page (and its heading);
 * the header row and the last group row are repeated at the top of each new page.
 */
export const drawTable = (doc: Doc, table: TTable, newPage: () => void): void => {
  const x0 = doc.page.margins.left;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const pad = table.pad ?? PAD;
  const headerHeight = Math.max(0, ...table.header.map((c, i) => cellHeight(doc, c, table.widths[i] ?? 0, table.size, pad)));
  let y = doc.y;
  let group: TRun[] | null = null;

  const drawHeader = () => {
    if (table.header.length === 0) return;
    let x = x0;
    table.header.forEach((c, i) => {
      const w = table.widths[i] ?? 0;
      drawCell(doc, c, x, y, w, headerHeight, table.size, COLORS.header, pad);
      x += w;
    });
    y += headerHeight;
  };
  const groupHeight = (label: TRun[]) => cellHeight(doc, label, total, table.size, pad);
  const drawGroup = (label: TRun[]) => {
    const h = groupHeight(label);
    drawCell(doc, label, x0, y, total, h, table.size, COLORS.group, pad);
    y += h;
  };
  const continuation = () => {
    newPage();
    y = doc.y;
    drawHeader();
    if (group) drawGroup(group.map((r, i) => (i === 0 ? { ...r, text: `${r.text}（続き）` } : r)));
  };

  /** Left edge (from x0) and width of each cell of a body row, by its spans. */
  const boxes = (row: { cells: TCellContent[]; spans?: number[] }): { x: number; w: number }[] => {
    let col = 0;
    let x = 0;
    return row.cells.map((_, i) => {
      const span = row.spans?.[i] ?? 1;
      const w = table.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const box = { x, w };
      x += w;
      return box;
    });
  };
  const rowHeight = (row: TRow): number => {
    if (row.kind === 'group') return groupHeight(row.label);
    const b = boxes(row);
    return Math.max(0, ...row.cells.map((c, i) => cellHeight(doc, c, b[i]?.w ?? 0, table.size, pad)));
  };
  /** What must follow a group heading on the same page: its first row, or the whole group when asked and possible. */
  const groupBlock = (at: number): number => {
    let h = 0;
    for (let i = at + 1; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      if (row.kind === 'group') break;
      h += rowHeight(row);
      if (!table.keepGroups) break;
    }
    const page = bottomOf(doc) - doc.page.margins.top - headerHeight - 40;
    return Math.min(h, page);
  };

  drawHeader();
  table.rows.forEach((row, index) => {
    if (row.kind === 'group') {
      // A group heading never ends a page.
      if (y + groupHeight(row.label) + groupBlock(index) > bottomOf(doc)) {
        group = null;
        continuation();
      }
      group = row.label;
      drawGroup(row.label);
      return;
    }
    const h = rowHeight(row);
    const next = table.rows[index + 1];
    const kept = row.keepNext && next && next.kind === 'body' ? rowHeight(next) : 0;
    if (y + h + kept > bottomOf(doc)) continuation();
    const b = boxes(row);
    row.cells.forEach((c, i) => drawCell(doc, c, x0 + (b[i]?.x ?? 0), y, b[i]?.w ?? 0, h, table.size, undefined, pad));
    y += h;
  });
  doc.x = x0;
  doc.y = y + 6;
};

/** A paragraph at the left margin across the writable width; breaks the page itself. */
export const paragraph = (doc: Doc, text: string, style: Omit<TRun, 'text'> & { align?: 'left' | 'center'; gap?: number } = {}): void => {
  const size = style.size ?? 9.5;
  doc
    .font(style.bold ? FONT.bold : FONT.regular)
    .fontSize(size)
    .fillColor(style.color ?? COLORS.text)
    .text(clean(text), doc.page.margins.left, doc.y, { width: writableWidth(doc), align: style.align ?? 'left', lineGap: 1 });
  doc.fillColor(COLORS.text);
  doc.y += style.gap ?? 4;
};

export const writableWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Column widths from fixed points and shares of what is left. */
export const fitWidths = (total: number, fixed: Array<number | null>, shares: number[]): number[] => {
  const rest = total - fixed.reduce<number>((a, b) => a + (b ?? 0), 0);
  const sumShares = shares.reduce((a, b) => a + b, 0) || 1;
  let k = 0;
  return fixed.map((w) => (w !== null ? w : (rest * (shares[k++] ?? 0)) / sumShares));
};

export const heading = (doc: Doc, ja: string, en: string | null): void => {
  doc.font(FONT.bold).fontSize(13).fillColor(COLORS.text).text(clean(ja), doc.page.margins.left, doc.y, { width: writableWidth(doc) });
  if (en) doc.font(FONT.regular).fontSize(8.5).fillColor(COLORS.muted).text(en, { width: writableWidth(doc) });
  doc.fillColor(COLORS.text);
  doc.y += 6;
};
