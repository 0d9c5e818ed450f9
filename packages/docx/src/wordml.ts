import type { TCellSize } from './table.ts';
import { cellStyleId } from './table.ts';
import { clean } from './text.ts';

/**
 * WordprocessingML for table rows, written as text (format 3's long tables). The `docx` library builds an object
 * per row, cell, paragraph and run and keeps them all until the document is packed: for the responsibility table
 * of a large engagement that object graph, not the document, is what costs time and memory. These rows are the
 * same markup `docx` writes for the rows of table.ts (cell paragraph styles, widths, shading, cantSplit,
 * repeated header rows), made one at a time and streamed into the package (package-stream.ts).
 */

export type TXRunStyle = { bold?: boolean; color?: string };

const escape = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

const rPr = ({ bold, color }: TXRunStyle): string =>
  bold || color ? `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}${color ? `<w:color w:val="${color}"/>` : ''}</w:rPr>` : '';

/** Runs of one style; newlines become line breaks (as text.ts `runs`). */
export const xRuns = (text: string, style: TXRunStyle = {}): string => {
  const props = rPr(style);
  return clean(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => `<w:r>${props}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escape(line)}</w:t></w:r>`)
    .join('');
};

/** A cell paragraph in the 「AnnexCell<size>」 style; `keepNext` holds its row on the page of the next row. */
export const xPara = (runsXml: string, size: TCellSize = 15, keepNext = false): string =>
  `<w:p><w:pPr><w:pStyle w:val="${cellStyleId(size)}"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>${runsXml}</w:p>`;

export type TXCellOptions = { width: number; span?: number; fill?: string; size?: TCellSize };

/** A cell of paragraphs (or of runs, put in one paragraph of `size`); never empty, as Word requires. */
export const xCell = (content: { paras: string } | { runs: string }, { width, span, fill, size = 15 }: TXCellOptions): string => {
  const body = 'paras' in content ? content.paras || xPara('', size) : xPara(content.runs, size);
  const props = `<w:tcW w:type="dxa" w:w="${width}"/>${span && span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''}`;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
};

/** A row that never splits across pages; a header row repeats on every page the table continues on. */
export const xRow = (cells: string, header = false): string => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;

const BORDER = 'w:val="single" w:color="808080" w:sz="4"';

/** The opening of a fixed-layout table with table.ts's borders and cell margins. */
export const xTableOpen = (widths: readonly number[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/>' +
  '<w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar></w:tblPr><w:tblGrid>' +
  widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
  '</w:tblGrid>';

export const X_TABLE_CLOSE = '</w:tbl>';
