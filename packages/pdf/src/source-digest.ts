import { createHash } from 'node:crypto';
import type { TAnnexInput } from '@bunkai/docx';
import { canonicalJson } from '@bunkai/domain';
import type { TSignatureEvidence } from './types.ts';

/**
 * SHA-256 of the data an annex PDF is built from (format 2 on records it as BunkaiSourceSha256): the revision's
 * content, parties, signatures, findings and the evidence printed on the signing certificate. Left out: the
 * revision's standing (版の効力), which changes when a later revision is signed, and the verify link, which
 * follows PUBLIC_URL — neither is what the parties agreed. Two PDFs with the same digest were built from the same
 * agreement, whichever builder laid them out, so 検証 can compare content across formats and seal certificates.
 */
export const sourceDigest = (input: TAnnexInput, evidence: Readonly<Record<string, TSignatureEvidence>> = {}): string => {
  const { verifyUrl: _verifyUrl, revision, ...rest } = input;
  const agreed = { ...rest, revision: revision ? { ...revision, standing: null } : null, evidence };
  // A JSON round trip drops undefined members, which canonical JSON refuses.
  return createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(agreed)))).digest('hex');
};
