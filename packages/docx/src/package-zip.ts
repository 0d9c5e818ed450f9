import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/**
 * Makes a docx package byte-for-byte reproducible (and puts in `documentXml`, when given, as its main part). docx's Packer stamps the
 * core properties and the zip entries with the current time and gives each
 * watermark shape a random id; this rewrites those from the input and
 * re-zips with a fixed entry order and a fixed modification time.
 */
export const normalizePackage = (docx: Uint8Array, stamp: string, documentXml?: string): Buffer => {
  const files = unzipSync(docx);
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const mtime = dosSafeDate(stamp);
  const out: Zippable = {};
  const watermarks = { n: 0 };
  for (const name of names) {
    const data = files[name];
    if (!data) continue;
    let drawing = 0;
    // docx numbers drawings (the QR code) from a process-wide counter: renumber them from 1 in document order.
    const bytes =
      name === 'word/document.xml'
        ? strToU8((documentXml ?? strFromU8(data)).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`))
        : normalizedPart(name, data, stamp, watermarks);
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return Buffer.from(zipSync(out));
};

/** A part other than the main one, with its time stamps and random watermark ids made reproducible. */
export const normalizedPart = (name: string, data: Uint8Array, stamp: string, watermarks: { n: number }): Uint8Array => {
  if (name === 'docProps/core.xml') {
    return strToU8(
      strFromU8(data).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
      ),
    );
  }
  if (/^word\/(header|footer)\d*\.xml$/.test(name)) {
    const xml = strFromU8(data);
    if (xml.includes('WaterMarkObject')) return strToU8(xml.replace(/(PowerPlus(?:WaterMark|Picture)Object)[0-9a-zA-Z_-]+/g, (_m, prefix: string) => `${prefix}${++watermarks.n}`));
  }
  return data;
};

/** The main part of a packed document, as text. */
export const documentXmlOf = (docx: Uint8Array): string =>
  strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);

/** [Content_Types].xml first, then the package relationships, then everything else by name. */
export const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);

/**
 * Zip entries store local (DOS) time, which fflate reads with the local-time
 * getters; constructing the date from local components keeps the stored
 * fields identical whatever the machine's time zone.
 */
export const dosSafeDate = (w3c: string): Date => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(w3c);
  if (!m) return new Date(1980, 0, 1);
  const year = Math.min(2107, Math.max(1980, Number(m[1])));
  return new Date(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
};
