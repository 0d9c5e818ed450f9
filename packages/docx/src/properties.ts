import { validationError } from '@bunkai/domain';
import { parseCustomProperties } from './read/custom-properties.ts';
import { NotAZipError, readZipEntries } from './read/zip-entries.ts';

/** Names of the document's custom properties carrying the revision identity. */
export const PROPERTY_NAMES = {
  revisionSha256: 'bunkaiRevisionSha256',
  engagementId: 'bunkaiEngagementId',
  revisionNumber: 'bunkaiRevisionNumber',
  /** 別紙書式の版: which builder laid the document out (absent in format 1, the first one). */
  annexFormat: 'bunkaiAnnexFormat',
  /** The build options (`matrix=0;bilingual=1`), so verification re-builds the same document. */
  annexOptions: 'bunkaiAnnexOptions',
} as const;

/** The annex format today's builder writes. Format 1: up to 2026-12; format 2: collapsed rows, 署名証明書, contract fields; format 3: one row per duty with its common terms, short asset rows, 資産一覧, 項番 as on the web (P1-001). */
export const ANNEX_FORMAT = 3;

/** `matrix=1;bilingual=0` ⇄ options; unknown keys are ignored. */
export const formatAnnexOptions = (o: { includeMatrix: boolean; bilingual: boolean }): string => `matrix=${o.includeMatrix ? 1 : 0};bilingual=${o.bilingual ? 1 : 0}`;
export const parseAnnexOptions = (text: string | undefined): { includeMatrix?: boolean; bilingual?: boolean } => {
  const out: { includeMatrix?: boolean; bilingual?: boolean } = {};
  for (const pair of (text ?? '').split(';')) {
    const [k, v] = pair.split('=');
    if (k === 'matrix') out.includeMatrix = v === '1';
    if (k === 'bilingual') out.bilingual = v === '1';
  }
  return out;
};

export type TAnnexProperties = {
  revisionSha256?: string;
  engagementId?: string;
  revisionNumber?: number;
  /** 1 when the document records none. */
  annexFormat?: number;
};

/** Ours are a few hundred bytes; the cap only bounds the work (the parser is linear, so 1 MB is milliseconds). */
const MAX_CUSTOM_XML = 1_000_000;
const MAX_ENTRIES = 2_000;

/**
 * Reads Bunkai's revision identity back from an annex's custom properties
 * (docProps/custom.xml). Only that one entry is inflated, with a cap enforced
 * while inflating. Anything that is not a docx, or a docx without properties,
 * yields an empty object; a part that inflates past the cap is a 400
 * `upload_too_large`, properties that are not well-formed XML (no editor writes
 * those; a crafted file does) a 400 `malformed_upload`.
 */
export const readAnnexProperties = async (buffer: Uint8Array): Promise<TAnnexProperties> => {
  let xml: string;
  try {
    const entries = await readZipEntries(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), (n) => n === 'docProps/custom.xml', {
      maxEntryBytes: MAX_CUSTOM_XML,
      maxEntries: MAX_ENTRIES,
    });
    const entry = entries.get('docProps/custom.xml');
    if (!entry) return {};
    xml = entry.toString('utf8');
  } catch (e) {
    if (e instanceof NotAZipError) return {};
    throw e;
  }
  const values = parseCustomProperties(xml);
  if (!values) throw validationError('malformed_upload', 'The document properties (docProps/custom.xml) are not well-formed XML; the file was not written by Bunkai or an office editor.');
  const out: TAnnexProperties = {};
  const sha = values.get(PROPERTY_NAMES.revisionSha256);
  if (sha && /^[0-9a-f]{64}$/.test(sha)) out.revisionSha256 = sha;
  const id = values.get(PROPERTY_NAMES.engagementId);
  if (id) out.engagementId = id;
  const n = Number(values.get(PROPERTY_NAMES.revisionNumber));
  if (Number.isInteger(n) && n >= 1) out.revisionNumber = n;
  // Format 1 wrote no format property; only a document with Bunkai's identity has a format at all.
  const f = Number(values.get(PROPERTY_NAMES.annexFormat) ?? 1);
  if (Object.keys(out).length > 0 && Number.isInteger(f) && f >= 1) out.annexFormat = f;
  return out;
};
