import { describe, expect, it } from 'vitest';
import { attachment, exportFilename } from '../../src/modules/exchange/matrix-export.ts';

describe('download file names (Content-Disposition)', () => {
  it('strips bidi controls so a title cannot disguise the extension', () => {
    // U+202E (right-to-left override) would show "…_分担表_2026-12-03.csv" reversed, e.g. as "…gnp.exe".
    const { filename, ascii } = exportFilename('請求書\u202Egnp.exe\u2066x\u2069', '2026-12-03', 'csv');
    expect(filename).toBe('請求書gnp.exex_分担表_2026-12-03.csv');
    const header = attachment(`${filename}\u202E`, ascii);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(filename);
    expect(header).not.toMatch(/%E2%80%AE|%E2%81%A6|%E2%81%A9/i);
  });

  it('keeps the ASCII fallback quoted and the Japanese name in RFC 5987 form', () => {
    const header = attachment('電子カルテ_分担表_2026-12-03.xlsx', 'bunkai-matrix-2026-12-03.xlsx');
    expect(header).toMatch(/^attachment; filename="bunkai-matrix-2026-12-03\.xlsx"; filename\*=UTF-8''%E9%9B%BB/);
    expect(attachment('bunkai-audit-x.csv')).toBe('attachment; filename="bunkai-audit-x.csv"');
  });

  it('replaces path separators, quotes and control characters', () => {
    expect(exportFilename('a/b\\c:"d"\u0007e', '2026-12-03', 'xlsx').filename).toBe('a_b_c_d_e_分担表_2026-12-03.xlsx');
  });
});
