import contentDisposition from 'content-disposition';

/**
 * Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) make a name
 * display differently from what it is ("annex‮xcod.exe"); control characters
 * have no place in a file name either. Both go before the header is built.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}]/gu;

/** `attachment` with the plain name, plus the RFC 8187 UTF-8 form (and an ASCII fallback with `_`) when the name is not ASCII. */
export const attachment = (fileName: string): string => {
  const clean = fileName.replace(UNSAFE, '');
  return contentDisposition(clean, { fallback: clean.replace(/[^\x20-\x7e]/g, '_') });
};
