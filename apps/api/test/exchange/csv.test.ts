import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, neutralizeFormula, parseCsv, toCsv } from '../../src/modules/exchange/csv.ts';

const records = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r.records;
};

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, and strips a BOM', () => {
    const text = `${BOM}code,title\r\nA-1,"髙橋, ①"\r\nA-2,"彼は""〜""と言った"\nA-3,"一行目\r\n二行目"\rA-4,ｶﾅ`;
    expect(records(text)).toEqual([
      { line: 1, fields: ['code', 'title'] },
      { line: 2, fields: ['A-1', '髙橋, ①'] },
      { line: 3, fields: ['A-2', '彼は"〜"と言った'] },
      { line: 4, fields: ['A-3', '一行目\r\n二行目'] },
      { line: 6, fields: ['A-4', 'ｶﾅ'] },
    ]);
  });

  it('keeps empty fields, drops blank lines but counts them, and keeps a lone quoted empty field', () => {
    expect(records('a,,c\n\n,\n""\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', ''] },
      { line: 4, fields: [''] },
    ]);
    expect(records('')).toEqual([]);
    expect(records(BOM)).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(records('5" disk,x')).toEqual([{ line: 1, fields: ['5" disk', 'x'] }]);
  });

  it('reports an unclosed quote and text after a closing quote with the line', () => {
    expect(parseCsv('a,b\n"open,\nstill open')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/not closed/) });
    expect(parseCsv('a\n"x"y,z')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(toCsv([['項目', '内容'], ['a,b', 'say "hi"\nbye']])).toBe(`${BOM}項目,内容\r\n"a,b","say ""hi""\nbye"\r\n`);
    expect(toCsv([['x']], { bom: false })).toBe('x\r\n');
  });

  it('neutralizes spreadsheet formulas with a leading single quote', () => {
    for (const v of ['=1+1', '+81-3', '-2', '@SUM(A1)', '\t=x']) expect(neutralizeFormula(v)).toBe(`'${v}`);
    for (const v of ['髙①', '1-2', 'a=b', '']) expect(neutralizeFormula(v)).toBe(v);
    expect(toCsv([['=HYPERLINK("http://x")']], { bom: false })).toBe(`"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it('round-trips any text exactly through parseCsv', () => {
    const char = fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\r\n', '髙', '①', '〜', 'ｶ', 'ﾅ', '＝', '=', "'", ';');
    const field = fc.string({ unit: char, maxLength: 12 });
    const row = fc.array(field, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const back = records(toCsv(rows, { neutralize: false }));
        expect(back.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
