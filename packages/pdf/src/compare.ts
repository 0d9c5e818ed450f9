import type { TAnnexInput } from '@bunkai/docx';
import { annexPdfSealedSha256, buildAnnexPdf, PDF_BUILDERS } from './sealed-annex.ts';
import type { SealIdentity } from './seal/identity.ts';
import { sourceDigest } from './source-digest.ts';
import type { TSignatureEvidence } from './types.ts';
import { type PdfVerification, verifyPdf } from './verify.ts';

/**
 * identical: the bytes the server builds now; same_signed_content: everything the seal covers is equal (the
 * signature value differs: a time-stamp, or an earlier seal certificate whose key is gone); same_source: laid out
 * differently but built from the same data (BunkaiSourceSha256, format 2 on); differs.
 */
export type TPdfContent = 'identical' | 'same_signed_content' | 'same_source' | 'differs';

export type TPdfContentVerdict =
  | { verdict: 'exact'; format: string; content: 'identical' }
  | { verdict: 'same_content'; format: string; content: 'same_signed_content' | 'same_source' }
  | { verdict: 'content_differs'; format: string; content: 'differs' }
  | { verdict: 'not_an_annex'; format: string | null; content: null; why: string };

export type AnnexPdfSource = { input: TAnnexInput; evidence: Readonly<Record<string, TSignatureEvidence>> };

/**
 * 内容の検証 of a sealed PDF whose seal verifyPdf accepted (`found`): the annex is rebuilt from the revision's data
 * with the builder of the format the file records, sealed (or laid out for sealing) under the certificate that
 * sealed the file, and compared. `current` is the platform's seal today: only with it can the bytes be equal.
 */
export const compareAnnexPdf = async (file: Buffer, found: PdfVerification, source: AnnexPdfSource, current: SealIdentity): Promise<TPdfContentVerdict> => {
  const format = found.format;
  if (!format) return { verdict: 'not_an_annex', format: null, content: null, why: 'it records no annex format (BunkaiAnnexFormat)' };
  if (!PDF_BUILDERS[format]) return { verdict: 'not_an_annex', format, content: null, why: `annex format ${format} is not one this server produces` };
  if (!found.signer || !found.signerFingerprint) return { verdict: 'not_an_annex', format, content: null, why: 'it carries no seal certificate' };

  let expected: string | null;
  if (found.signerFingerprint === current.fingerprint) {
    const rebuilt = await buildAnnexPdf(source.input, { identity: current, evidence: source.evidence, format });
    if (rebuilt.equals(file)) return { verdict: 'exact', format, content: 'identical' };
    expected = verifyPdf(rebuilt, { trustedCertificates: [] }).signedSha256;
  } else {
    expected = await annexPdfSealedSha256(source.input, { evidence: source.evidence, certificate: { subject: found.signer.subject, fingerprint: found.signerFingerprint }, format });
  }
  if (expected !== null && expected === found.signedSha256) return { verdict: 'same_content', format, content: 'same_signed_content' };
  if (found.sourceSha256 && found.sourceSha256 === sourceDigest(source.input, source.evidence)) return { verdict: 'same_content', format, content: 'same_source' };
  return { verdict: 'content_differs', format, content: 'differs' };
};
