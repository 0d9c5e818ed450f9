import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Serif JP (a Mincho face, SIL OFL 1.1) as full TrueType files from
 * @expo-google-fonts/noto-serif-jp: one file per weight, covering JIS X 0208
 * (and most of X 0213). pdfkit embeds only the glyphs used (a subset), so a
 * 7.6 MB font adds a few hundred kilobytes at most. See docs/decisions/0009-pdf-annex.md.
 */
const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf'),
} as const;

let cached: { regular: Buffer; bold: Buffer } | null = null;

/** The font files' bytes, read once per process (each document still subsets its own copy). */
export const fontBytes = (): { regular: Buffer; bold: Buffer } =>
  (cached ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) });

/** Names the fonts are registered under in a document. */
export const FONT = { regular: 'Mincho', bold: 'Mincho-Bold' } as const;
