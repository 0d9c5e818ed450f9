import { DUTY_IMPORT_COLUMNS, type TDuty, type TDutyImportColumn } from '@bunkai/domain';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const valueOf = (d: TDuty, key: TDutyImportColumn): string => {
  switch (key) {
    case 'code':
      return d.code;
    case 'title_ja':
      return d.title.ja;
    case 'title_en':
      return d.title.en;
    case 'description_ja':
      return d.description.ja;
    case 'description_en':
      return d.description.en;
    case 'phase':
      return d.phase;
    case 'category':
      return d.category;
    case 'applies_to':
      return d.appliesTo.join(', ');
    case 'concerns':
      return d.concerns.join(', ');
    case 'part':
      return String(d.kakuninhyoPart);
    case 'order':
      return String(d.order);
    case 'references':
      return d.references.map((r) => `${r.document} ${r.section}${r.note ? ` | ${r.note}` : ''}`).join('; ');
  }
};

/**
 * The engagement's duties as CSV in the import layout (docs/import-format.md), so an exported sheet
 * edited in Excel imports again. UTF-8 with a BOM and CRLF, as the matrix export, for Excel on Windows.
 */
export const dutiesCsv = (duties: readonly TDuty[]): string => {
  const keys = DUTY_IMPORT_COLUMNS.map((c) => c.key);
  const lines = [keys.join(','), ...duties.map((d) => keys.map((k) => field(valueOf(d, k))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};
