import type { TRevisionStanding, TVerifyPdfCheck, TVerifyResponse } from '@bunkai/domain';
import type { PdfVerification } from '@bunkai/pdf';
import type { Actor } from '../../../plugins/auth.ts';

/** A PDF is recognized by its header, whatever content type the client sent (browsers often send none). */
export const looksLikePdf = (file: Buffer): boolean => file.subarray(0, 1024).includes('%PDF-');

type Found = { row: { id: string; number: number }; access: { engagement: { title: string } } };
type Described = Required<Pick<TVerifyResponse, 'engagement' | 'revision' | 'signatures' | 'standing'>>;

export type PdfVerifierDeps<F extends Found> = {
  findVisible: (actor: Actor, sha256: string) => Promise<F | null>;
  describe: (found: F) => Promise<Described>;
  /** match / reason / message for content that equals the revision: a plain match only while the revision is in force or open for signatures. */
  matched: (standing: TRevisionStanding, what: string, number: number, title: string, signers: number) => Pick<TVerifyResponse, 'match' | 'reason' | 'message'>;
  /** verifyPdf against the platform's seal certificates, in a worker (400 `invalid_pdf` for a file that is no PDF). */
  inspect: (file: Buffer) => Promise<PdfVerification>;
  /** The revision's PDF as the server builds it now (sealed, never time-stamped). */
  rebuild: (actor: Actor, revisionId: string) => Promise<Buffer>;
};

const PROBLEMS: Record<NonNullable<PdfVerification['problem']>, string> = {
  no_signature: 'it carries no platform seal',
  digest_mismatch: 'bytes inside the sealed range were changed after sealing',
  appended_after_seal: 'bytes were added after the seal',
  unknown_certificate: "it was sealed with a certificate that is not this platform's",
  bad_signature: 'the seal signature does not verify',
  malformed_signature: 'the seal signature cannot be read',
  bad_byte_range: 'the seal does not cover the document',
  bad_timestamp: "the time-stamp on the seal does not match the seal's signature",
};

const CHECKS = {
  hash: 'The revision hash was read from the document information inside the sealed bytes and looked up among the revisions you may see.',
  seal: 'The platform seal (PAdES) was checked: the digest of the sealed byte range, the RSA signature, that the certificate is this platform’s, that nothing was appended after the seal, and the time-stamp when there is one.',
  content: 'The server re-built the PDF annex of that revision and compared the sealed bytes with it (only the seal signature itself may differ).',
  standing: 'The revision’s standing (版の効力) was derived from all revisions of the engagement.',
} as const;

/**
 * 検証 of a PDF annex: the revision hash from the document information inside
 * the sealed bytes, the platform seal (digest of the sealed range, RSA
 * signature, platform certificate, nothing appended, time-stamp if any), and
 * the content: the sealed bytes must equal those of the annex the server
 * builds for that revision now. A PDF downloaded before a later signature was
 * added therefore reports `content_differs` (download it again): only the
 * current annex is a match.
 */
export const createPdfVerifier =
  <F extends Found>({ findVisible, describe, matched, inspect, rebuild }: PdfVerifierDeps<F>) =>
  async (actor: Actor, file: Buffer): Promise<TVerifyResponse> => {
    const v = await inspect(file);
    const check = (content: TVerifyPdfCheck['content']): TVerifyPdfCheck => ({ sealValid: v.sealValid, problem: v.problem, signerFingerprint: v.signerFingerprint, timeStamp: v.timeStamp, content });
    const base = { source: 'pdf' as const, recomputedSha256: null, claimedSha256: v.revisionSha256 };
    if (!v.revisionSha256)
      return {
        ...base,
        match: false,
        verdict: 'not_an_annex',
        reason: 'no_properties',
        message: 'The PDF carries no Bunkai revision hash (BunkaiRevisionSha256) in its sealed part: it is not a revision annex, or it is a draft.',
        checks: [CHECKS.hash],
        pdf: check('not_checked'),
      };
    const found = await findVisible(actor, v.revisionSha256);
    if (!v.sealValid) {
      const named = found ? ` It names revision ${found.row.number} of "${found.access.engagement.title}", but that claim is not protected.` : '';
      return {
        ...base,
        match: false,
        verdict: 'content_differs',
        reason: 'seal_invalid',
        message: `The platform seal does not hold: ${PROBLEMS[v.problem ?? 'bad_signature']}. The file cannot be trusted as the signed annex.${named}`,
        checks: [CHECKS.hash, CHECKS.seal],
        pdf: check('not_checked'),
        ...(found ? await describe(found) : {}),
      };
    }
    if (!found)
      return {
        ...base,
        match: false,
        verdict: 'unknown_revision',
        reason: 'no_revision',
        message: `The seal is intact, but no revision you may see has the hash ${v.revisionSha256}.`,
        checks: [CHECKS.hash, CHECKS.seal],
        pdf: check('not_checked'),
      };

    const rebuilt = await rebuild(actor, found.row.id);
    const content = file.equals(rebuilt) ? 'identical' : (await inspect(rebuilt)).signedSha256 === v.signedSha256 ? 'same_signed_content' : 'differs';
    const described = await describe(found);
    const checks = [CHECKS.hash, CHECKS.seal, CHECKS.content, CHECKS.standing];
    const what = `revision ${found.row.number} (${described.revision.status}) of "${found.access.engagement.title}"`;
    if (content === 'differs')
      return {
        ...base,
        match: false,
        verdict: 'content_differs',
        reason: 'content_differs',
        message: `The platform seal is intact and names ${what}, but its sealed content differs from the annex the server builds for that revision now (for example, it was downloaded before a later signature). Download the annex again to get the current one.`,
        checks,
        pdf: check(content),
        ...described,
      };
    const sealed = `The platform seal is intact (nothing changed or added after sealing${v.timeStamp ? `; time-stamped ${v.timeStamp.time}` : ''}) and the sealed content is ${content === 'identical' ? 'byte for byte' : 'apart from the seal signature'} the annex the server builds for`;
    return {
      ...base,
      verdict: content === 'identical' ? 'exact' : 'same_content',
      ...matched(described.standing, sealed, found.row.number, found.access.engagement.title, described.signatures.length),
      checks,
      pdf: check(content),
      ...described,
    };
  };
