import { strFromU8, unzipSync } from 'fflate';

/** Names of the document's custom properties carrying the revision identity. */
export const PROPERTY_NAMES = {
  revisionSha256: 'bunkaiRevisionSha256',
  engagementId: 'bunkaiEngagementId',
  revisionNumber: 'bunkaiRevisionNumber',
} as const;

export type TAnnexProperties = {
  revisionSha256?: string;
  engagementId?: string;
  revisionNumber?: number;
};

/** The custom properties are tiny; refuse anything that inflates beyond this. */
const MAX_CUSTOM_XML = 1_000_000;

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/**
 * Reads Bunkai's revision identity back from an annex's custom properties
 * (docProps/custom.xml). Only that one entry is inflated. Anything that is not
 * a docx, or a docx without the properties, yields an empty object.
 */
export const readAnnexProperties = async (buffer: Uint8Array): Promise<TAnnexProperties> => {
  let xml: string;
  try {
    const files = unzipSync(buffer, {
      filter: (f) => f.name === 'docProps/custom.xml' && f.originalSize <= MAX_CUSTOM_XML,
    });
    const entry = files['docProps/custom.xml'];
    if (!entry) return {};
    xml = strFromU8(entry);
  } catch {
    return {};
  }
  const values = new Map<string, string>();
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>\s*<\/property>/g;
  for (const m of xml.matchAll(re)) values.set(decode(m[1] ?? ''), decode(m[2] ?? ''));
  const out: TAnnexProperties = {};
  const sha = values.get(PROPERTY_NAMES.revisionSha256);
  if (sha && /^[0-9a-f]{64}$/.test(sha)) out.revisionSha256 = sha;
  const id = values.get(PROPERTY_NAMES.engagementId);
  if (id) out.engagementId = id;
  const n = Number(values.get(PROPERTY_NAMES.revisionNumber));
  if (Number.isInteger(n) && n >= 1) out.revisionNumber = n;
  return out;
};
