import { strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import type { TDocumentPiece } from './deferred-tables.ts';
import { dosSafeDate, normalizedPart, rank } from './package-zip.ts';

/**
 * Format 3's package: the parts `docx` packed (small: the long tables are markers) re-zipped in a fixed order with a
 * fixed time, like normalizePackage, but the main part is streamed — its pieces (deferred-tables.ts `stream`) are
 * encoded and deflated as they come, so the document XML of a large engagement never exists whole in memory. fflate's
 * streaming `Zip` with `ZipDeflate` at level 6; deterministic, so the same input still gives the same bytes.
 */
export const streamPackage = async (docx: Uint8Array, stamp: string, documentPieces: AsyncIterable<TDocumentPiece>): Promise<Buffer> => {
  const files = unzipSync(docx, { filter: (f) => f.name !== 'word/document.xml' });
  const names = [...Object.keys(files), 'word/document.xml'].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const mtime = dosSafeDate(stamp);
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const watermarks = { n: 0 };
  for (const name of names) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    if (name !== 'word/document.xml') {
      entry.push(normalizedPart(name, files[name]!, stamp, watermarks), true);
      continue;
    }
    // docx numbers drawings (the QR code) from a process-wide counter: renumber them from 1 in document order.
    let drawing = 0;
    for await (const { xml, fromDocx } of documentPieces) {
      if (xml) entry.push(strToU8(fromDocx ? xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`) : xml));
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(out);
};
