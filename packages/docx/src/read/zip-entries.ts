import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { validationError } from '@bunkai/domain';

export type ZipLimits = {
  /** Largest inflated size of one wanted entry. */
  maxEntryBytes: number;
  /** Most central-directory entries looked at before giving up (a zip of a million empty files is work too). */
  maxEntries: number;
};

/** Thrown when an upload's zip structure is not readable; callers answer "not an annex/workbook". */
export class NotAZipError extends Error {}

const tooLarge = (name: string, limit: number) =>
  validationError('upload_too_large', `The file's part ${name} inflates beyond ${limit} bytes; it is not a document Bunkai produced.`, { entry: name, limit });

const open = (buffer: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    // validateEntrySizes: the inflate stream errors as soon as an entry produces more bytes than its header
    // declares, so a zip that lies about its sizes cannot inflate past the cap checked against that header.
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(new NotAZipError(err?.message ?? 'not a zip')) : resolve(zip),
    ),
  );

const readEntry = (zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new NotAZipError(err?.message ?? 'unreadable entry'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          reject(tooLarge(entry.fileName, limit));
        } else chunks.push(chunk);
      });
      // yauzl's size validation: the entry inflates to more than its header declares — a zip bomb that lies.
      stream.on('error', (e) => reject(/too many bytes/i.test(e.message) ? tooLarge(entry.fileName, limit) : new NotAZipError(e.message)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });

/**
 * Inflates only the wanted entries of an uploaded zip (docx, xlsx), streaming, with a hard cap enforced while
 * inflating: bounded work whatever the archive claims. Entries that are not wanted are never inflated.
 */
export const readZipEntries = async (buffer: Buffer, wanted: (name: string) => boolean, limits: ZipLimits): Promise<Map<string, Buffer>> => {
  const zip = await open(buffer);
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = 0;
      zip.on('error', (e: Error) => reject(new NotAZipError(e.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (++seen > limits.maxEntries) return reject(validationError('upload_too_large', `The file has more than ${limits.maxEntries} parts.`));
        if (!wanted(entry.fileName)) return zip.readEntry();
        if (entry.uncompressedSize > limits.maxEntryBytes) return reject(tooLarge(entry.fileName, limits.maxEntryBytes));
        readEntry(zip, entry, limits.maxEntryBytes).then((data) => {
          out.set(entry.fileName, data);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
};
