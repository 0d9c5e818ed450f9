import type { TAnnexInput, TAnnexOptions } from '../annex-input.ts';
import { buildAnnex, buildAnnexOfFormat } from '../build-annex.ts';
import { buildAnnex as buildAnnexFormat1 } from '../formats/v1/build-annex.ts';
import { documentXmlOf } from '../package-zip.ts';
import { ANNEX_FORMAT, PROPERTY_NAMES, parseAnnexOptions } from '../properties.ts';
import { parseCustomProperties } from '../read/custom-properties.ts';
import { NotAZipError, readZipEntries } from '../read/zip-entries.ts';
import { type TContentDifference, compareAnnexText } from './compare.ts';
import { AnnexXmlError, extractAnnexText } from './extract.ts';

/**
 * 内容の検証: does an uploaded annex say what the signed revision says? The server re-builds the annex of
 * that revision with the builder of the format the file records (bunkaiAnnexFormat; absent = format 1) and the
 * options it records, then compares: the same bytes (`exact`), else the same visible text table by table and
 * cell by cell after normalizing whitespace (`same_content`), else the first differences (`content_differs`).
 */

export type TAnnexContentVerdict =
  | { verdict: 'exact'; format: number; differences: [] }
  | { verdict: 'same_content'; format: number; differences: [] }
  | { verdict: 'content_differs'; format: number; differences: TContentDifference[] }
  | { verdict: 'not_an_annex'; format: number | null; differences: []; why: string };

type Builder = (input: TAnnexInput, options: TAnnexOptions) => Promise<Buffer>;

/** Every format Bunkai ever produced stays buildable: contracts outlive upgrades. */
const BUILDERS: Record<number, Builder> = { 1: buildAnnexFormat1, 2: (input, options) => buildAnnexOfFormat(2, input, options), [ANNEX_FORMAT]: buildAnnex };

/** The main part of the largest annexes is a few tens of MB; more is not an annex Bunkai built. */
const MAX_DOCUMENT_XML = 96 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

const notAnAnnex = (why: string, format: number | null = null): TAnnexContentVerdict => ({ verdict: 'not_an_annex', format, differences: [], why });

export const verifyAnnexContent = async (file: Buffer, input: TAnnexInput): Promise<TAnnexContentVerdict> => {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZipEntries(file, (n) => n === 'word/document.xml' || n === 'docProps/custom.xml', { maxEntryBytes: MAX_DOCUMENT_XML, maxEntries: MAX_ENTRIES });
  } catch (e) {
    if (e instanceof NotAZipError) return notAnAnnex('not a .docx (zip) file');
    throw e;
  }
  const docXml = entries.get('word/document.xml');
  if (!docXml) return notAnAnnex('no word/document.xml');
  const props = parseCustomProperties(entries.get('docProps/custom.xml')?.toString('utf8') ?? '') ?? new Map<string, string>();
  const rawFormat = props.get(PROPERTY_NAMES.annexFormat);
  const format = rawFormat === undefined ? 1 : Number(rawFormat);
  const builder = BUILDERS[format];
  if (!builder) return notAnAnnex(`annex format ${rawFormat} is not one Bunkai produced`);
  const options = parseAnnexOptions(props.get(PROPERTY_NAMES.annexOptions));

  const expected = await builder(input, options);
  if (Buffer.compare(expected, file) === 0) return { verdict: 'exact', format, differences: [] };

  let found;
  try {
    found = extractAnnexText(docXml.toString('utf8'));
  } catch (e) {
    if (e instanceof AnnexXmlError) return notAnAnnex(`word/document.xml is not well-formed XML: ${e.message.slice(0, 200)}`, format);
    throw e;
  }
  const differences = compareAnnexText(extractAnnexText(documentXmlOf(expected)), found);
  return differences.length === 0 ? { verdict: 'same_content', format, differences: [] } : { verdict: 'content_differs', format, differences };
};
