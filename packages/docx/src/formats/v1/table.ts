import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { ParagraphChild, TextRun } from 'docx';
import { COLORS } from './text.ts';

/**
 * Font sizes (half-points) of table text. Each has a paragraph style
 * 「AnnexCell<size>」 carrying the size and tighter line spacing, so the
 * thousands of runs in the item tables need no run properties of their own.
 */
export const CELL_SIZES = [12, 13, 14, 15, 17] as const;
export type TCellSize = (typeof CELL_SIZES)[number];
export const SMALL: TCellSize = 13;
export const cellStyleId = (size: TCellSize): string => `AnnexCell${size}`;

/** A paragraph inside a table cell, in the given size. */
export const cellPara = (children: readonly ParagraphChild[], size: TCellSize = 15): Paragraph =>
  new Paragraph({ style: cellStyleId(size), children: [...children] });

/** A4 in twips, and the usable width between 18 mm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1020,
  headerFooter: 500,
} as const;
export const PORTRAIT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LANDSCAPE_WIDTH = PAGE.height - 2 * PAGE.margin;

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const CELL_MARGINS = { top: 30, bottom: 30, left: 60, right: 60 } as const;

export type TCellContent = Paragraph | TextRun[] | Paragraph[];

const toParagraphs = (content: TCellContent, size: TCellSize): Paragraph[] => {
  if (content instanceof Paragraph) return [content];
  if (content.length === 0) return [cellPara([], size)];
  if (content[0] instanceof Paragraph) return content as Paragraph[];
  return [cellPara(content as TextRun[], size)];
};

/** `size` applies when the content is given as runs (paragraphs carry their own). */
export type TCellOptions = { width: number; fill?: string; span?: number; size?: TCellSize };

/** A table cell; content aligns to the top, which is Word's default and so not written. */
export const cell = (content: TCellContent, { width, fill, span, size = 15 }: TCellOptions): TableCell =>
  new TableCell({
    children: toParagraphs(content, size),
    width: { size: width, type: WidthType.DXA },
    ...(fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
    ...(span && span > 1 ? { columnSpan: span } : {}),
  });

/** Header row: shaded, repeated on every page the table continues on. */
export const headerRow = (contents: readonly TCellContent[], widths: readonly number[], size: TCellSize = 15): TableRow =>
  new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: contents.map((c, i) => cell(c, { width: widths[i] ?? 0, fill: COLORS.headerFill, size })),
  });

/** Body row that never splits across pages. */
export const bodyRow = (cells: TableCell[], keepNext = false): TableRow =>
  new TableRow({ cantSplit: true, children: cells, ...(keepNext ? { keepNext: true } : {}) });

/** A row spanning the whole table, e.g. a category or asset heading. */
export const groupRow = (content: TCellContent, widths: readonly number[], size: TCellSize = 15): TableRow =>
  bodyRow([cell(content, { width: sum(widths), fill: COLORS.groupFill, span: widths.length, size })], true);

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** A row made only when the table is written (large tables never exist whole in memory). */
export type TRowFactory = () => TableRow;
/** Where sections put their long tables: built at once, or deferred (see deferred-tables.ts). */
export type TTableSink = (rows: readonly TRowFactory[], widths: readonly number[]) => Paragraph | Table;
export const eagerTable: TTableSink = (rows, widths) => table(rows.map((r) => r()), widths);

export const table = (rows: TableRow[], widths: readonly number[]): Table =>
  new Table({
    rows,
    columnWidths: [...widths],
    width: { size: sum(widths), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGINS,
  });

/** A two-column label/value table (cover, revision block). */
export const keyValueTable = (
  rows: ReadonlyArray<readonly [TCellContent, TCellContent]>,
  widths: readonly [number, number],
  size: TCellSize = 17,
): Table =>
  table(
    rows.map(([k, v]) => bodyRow([cell(k, { width: widths[0], fill: COLORS.groupFill, size }), cell(v, { width: widths[1], size })])),
    widths,
  );

/**
 * Scale flexible columns so the table fills `total`: fixed widths stay, the
 * rest share what remains in proportion to their weights (never below `min`).
 */
export const fitWidths = (fixed: readonly (number | null)[], weights: readonly number[], total: number, min = 600): number[] => {
  const used = sum(fixed.map((w) => w ?? 0));
  const free = Math.max(0, total - used);
  const weightSum = sum(weights) || 1;
  let k = 0;
  return fixed.map((w) => {
    if (w !== null) return w;
    const share = Math.max(min, Math.floor((free * (weights[k] ?? 1)) / weightSum));
    k += 1;
    return share;
  });
};
