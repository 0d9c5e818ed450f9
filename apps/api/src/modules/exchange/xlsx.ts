import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvRecord } from './csv.ts';

export type SheetColumn = { header: string; width: number };

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
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for (let i = 0; i < rows.length; i++) {
    const row = sheet.addRow(rows[i]!.map((v) => v.replace(/\r\n?/g, '\n')));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
};

export type XlsxReadResult = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

/** The first worksheet as text records (rich text, numbers and formula results as displayed); blank rows dropped. */
export const readXlsx = async (content: Buffer, maxRows: number): Promise<XlsxReadResult> => {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: 'The file is not a readable .xlsx workbook.' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'The workbook has no worksheet.' };
  if (sheet.rowCount > maxRows + 1) return { ok: false, message: `The worksheet has ${sheet.rowCount} rows; at most ${maxRows} data rows are accepted.` };
  const width = sheet.getRow(1).cellCount;
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const fields: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) fields.push(cellText(row.getCell(c)));
    if (fields.some((f) => f !== '')) records.push({ line, fields });
  });
  return { ok: true, records };
};

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return cell.text;
};
