import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A column; `date` columns hold `YYYY-MM-DD` text that is written as a real date cell. */
export type SheetColumn = { header: string; width: number; kind?: 'date' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` text as a date cell value (midnight UTC, which Excel shows as that day); other text stays text. */
const cellValue = (column: SheetColumn | undefined, v: string): string | Date => {
  const m = column?.kind === 'date' ? ISO_DATE.exec(v) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : v.replace(/\r\n?/g, '\n');
};

/**
 * Printing on paper as hospitals file it: A4 landscape, as many pages tall as needed but one page
 * wide (fitToHeight 0 = no limit), the header row repeated on every page, margins narrow.
 */
const PAGE_SETUP = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
} as const;

/**
 * One worksheet with a bold, frozen header row and set column widths. Every
 * value is written as a string cell, so nothing in it is ever evaluated as a
 * formula (the CSV export needs neutralizing; .xlsx does not). Line breaks
 * become LF: that is Excel's in-cell line break, and a raw CR would not
 * survive XML line-end normalization anyway.
 *
 * Uses exceljs's streaming writer and yields every few hundred rows: the
 * in-memory writer blocks the event loop for seconds on a reference-size
 * matrix (~3,600 cells), stalling every other request of the process.
 */
export const writeXlsx = async (sheetName: string, columns: readonly SheetColumn[], rows: readonly (readonly string[])[]): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Bunkai';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PAGE_SETUP, margins: { ...PAGE_SETUP.margins } } });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.kind === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for (let i = 0; i < rows.length; i++) {
    const row = sheet.addRow(rows[i]!.map((v, c) => cellValue(columns[c], v)));
    // Set per cell: a row-level style would replace the date columns' number format.
    row.eachCell((cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.commit();
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
};
