import type { IStylesOptions } from 'docx';
import { CELL_SIZES, cellStyleId } from './table.ts';
import { FONTS, pt } from './text.ts';

const heading = (size: number): NonNullable<NonNullable<IStylesOptions['default']>['heading1']> => ({
  run: { size: pt(size), bold: true, color: '1F3864', font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.gothic }, language: { value: 'ja-JP', eastAsia: 'ja-JP' } },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
});

/**
 * Document defaults: Latin text in a serif face, Japanese in Mincho, language
 * tagged ja-JP for East Asian text so LibreOffice picks the Japanese glyph
 * variants of its CJK fallback (Noto Serif/Sans CJK JP).
 */
export const documentStyles = (): IStylesOptions => ({
  default: {
    document: {
      run: {
        font: { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: FONTS.eastAsia },
        size: pt(10),
        // The document is Japanese: ja-JP for Latin and East Asian text alike (spell-checking, glyph variants, line breaking).
        language: { value: 'ja-JP', eastAsia: 'ja-JP' },
      },
      paragraph: { spacing: { after: 0, line: 260 } },
    },
    title: {
      run: { size: pt(20), bold: true, color: '1F3864', font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.eastAsia }, language: { value: 'ja-JP', eastAsia: 'ja-JP' } },
      paragraph: { spacing: { before: 0, after: 120 } },
    },
    heading1: heading(13),
    heading2: heading(11),
  },
  paragraphStyles: CELL_SIZES.map((size) => ({
    id: cellStyleId(size),
    name: `Annex cell ${size / 2}pt`,
    basedOn: 'Normal',
    run: { size },
    paragraph: { spacing: { before: 0, after: 0, line: 216 } },
  })),
});
