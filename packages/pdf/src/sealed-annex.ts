import type { TAnnexInput } from '@bunkai/docx';
import { documentDate, renderAnnexPdf } from './render.ts';
import type { SealIdentity } from './seal/identity.ts';
import { SEAL_SUB_FILTER, sealPdf } from './seal/seal.ts';
import type { TSignatureEvidence } from './types.ts';

export type SealedAnnexOptions = {
  /** The platform seal; without it the PDF is returned unsealed. */
  identity?: SealIdentity;
  /** Seal (hex) → what was recorded when that signature was made. */
  evidence?: Readonly<Record<string, TSignatureEvidence>>;
  /** RFC 3161 time-stamping authority; without one the build is deterministic. */
  tsaUrl?: string;
};

/**
 * The annex PDF as served: rendered, then sealed with the platform's
 * certificate. Deterministic for the same input and identity (the seal's
 * time is the document's date), so the server can rebuild a revision's file
 * byte for byte to compare it with an uploaded one.
 */
export const buildAnnexPdf = async (input: TAnnexInput, opts: SealedAnnexOptions = {}): Promise<Buffer> => {
  const { identity } = opts;
  const pdf = await renderAnnexPdf(input, {
    ...(opts.evidence ? { evidence: opts.evidence } : {}),
    ...(identity ? { seal: { subject: identity.subject, fingerprint: identity.fingerprint, subFilter: SEAL_SUB_FILTER } } : {}),
  });
  return identity ? sealPdf(pdf, identity, { signingTime: documentDate(input), ...(opts.tsaUrl ? { tsaUrl: opts.tsaUrl } : {}) }) : pdf;
};
