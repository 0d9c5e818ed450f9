import type { TAnnexInput } from '@bunkai/docx';
import { PDF_ANNEX_FORMAT_1, renderAnnexPdfFormat1 } from './formats/v1/render.ts';
import { documentDate, PDF_ANNEX_FORMAT, PDF_ANNEX_FORMAT_2, renderAnnexPdfOfFormat } from './render.ts';
import type { SealIdentity } from './seal/identity.ts';
import { SEAL_SUB_FILTER, sealedRangeSha256, sealPdf } from './seal/seal.ts';
import type { TPdfAnnexExtras, TSealDescription, TSignatureEvidence } from './types.ts';

type Renderer = (input: TAnnexInput, extras: TPdfAnnexExtras) => Promise<Buffer>;

/**
 * Every PDF format Bunkai ever produced stays buildable: contracts outlive upgrades. Format 1 is frozen in formats/v1;
 * formats 2 and 3 share one builder that takes the format (as packages/docx's buildAnnexOfFormat).
 */
export const PDF_BUILDERS: Readonly<Record<string, Renderer>> = {
  [PDF_ANNEX_FORMAT_1]: renderAnnexPdfFormat1,
  [PDF_ANNEX_FORMAT_2]: (input, extras) => renderAnnexPdfOfFormat(2, input, extras),
  [PDF_ANNEX_FORMAT]: (input, extras) => renderAnnexPdfOfFormat(3, input, extras),
};

export type SealedAnnexOptions = {
  /** The platform seal; without it the PDF is returned unsealed. */
  identity?: SealIdentity;
  /** Seal (hex) → what was recorded when that signature was made. */
  evidence?: Readonly<Record<string, TSignatureEvidence>>;
  /** RFC 3161 time-stamping authority; without one the build is deterministic. */
  tsaUrl?: string;
  /** The layout to build (default: today's); 検証 asks for the one an uploaded file records. */
  format?: string;
};

const rendererOf = (format: string | undefined): Renderer => {
  const render = PDF_BUILDERS[format ?? PDF_ANNEX_FORMAT];
  if (!render) throw new Error(`unknown PDF annex format ${format}`);
  return render;
};

const sealOf = (cert: { subject: string; fingerprint: string }): TSealDescription => ({ subject: cert.subject, fingerprint: cert.fingerprint, subFilter: SEAL_SUB_FILTER });

/**
 * The annex PDF as served: rendered, then sealed with the platform's
 * certificate. Deterministic for the same input and identity (the seal's
 * time is the document's date), so the server can rebuild a revision's file
 * byte for byte to compare it with an uploaded one.
 */
export const buildAnnexPdf = async (input: TAnnexInput, opts: SealedAnnexOptions = {}): Promise<Buffer> => {
  const { identity } = opts;
  const pdf = await rendererOf(opts.format)(input, {
    ...(opts.evidence ? { evidence: opts.evidence } : {}),
    ...(identity ? { seal: sealOf(identity) } : {}),
  });
  return identity ? sealPdf(pdf, identity, { signingTime: documentDate(input), ...(opts.tsaUrl ? { tsaUrl: opts.tsaUrl } : {}) }) : pdf;
};

/**
 * What a seal by `certificate` would cover in the annex built in `format` (verifyPdf's `signedSha256`), without its
 * private key: a file sealed by an earlier certificate of the platform is compared with this.
 */
export const annexPdfSealedSha256 = async (
  input: TAnnexInput,
  opts: { evidence?: Readonly<Record<string, TSignatureEvidence>>; certificate: { subject: string; fingerprint: string }; format?: string },
): Promise<string> => {
  const pdf = await rendererOf(opts.format)(input, { ...(opts.evidence ? { evidence: opts.evidence } : {}), seal: sealOf(opts.certificate) });
  return sealedRangeSha256(pdf, opts.certificate.subject, { signingTime: documentDate(input) });
};
