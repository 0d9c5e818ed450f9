import type { TRevisionStanding, TVerifyPdfCheck, TVerifyResponse } from '@bunkai/domain';
import type { PdfVerification, TPdfContentVerdict } from '@bunkai/pdf';
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
  /** verifyPdf against the platform's seal certificates, today's and earlier ones, in a worker (400 `invalid_pdf` for a file that is no PDF). */
  inspect: (file: Buffer) => Promise<PdfVerification>;
  /** The sealed content against the revision's annex, rebuilt with the file's format under its seal certificate (compareAnnexPdf). */
  compare: (actor: Actor, revisionId: string, file: Buffer, found: PdfVerification) => Promise<TPdfContentVerdict>;
  /** The platform's seal certificates: today's (`current`) and those it sealed with before. */
  sealCertificates: () => readonly { fingerprint: string; subject: string; current: boolean }[];
};

const PROBLEMS: Record<NonNullable<PdfVerification['problem']>, string> = {
  no_signature: 'it carries no platform seal',
  digest_mismatch: 'bytes inside the sealed range were changed after sealing',
  appended_after_seal: 'bytes were added after the seal',
  unknown_certificate: "it was sealed with a certificate that is not one of this platform's (today's or one it sealed with before)",
  bad_signature: 'the seal signature does not verify',
  malformed_signature: 'the seal signature cannot be read',
  bad_byte_range: 'the seal does not cover the document',
  bad_timestamp: "the time-stamp on the seal does not match the seal's signature",
};

const CHECKS = {
  hash: 'The revision hash was read from the document information inside the sealed bytes and looked up among the revisions you may see.',
  seal: 'The platform seal (PAdES) was checked: the digest of the sealed byte range, the RSA signature, that the certificate is one the platform seals with or sealed with before a certificate rotation, that nothing was appended after the seal, and the time-stamp when there is one.',
  content:
    'The server re-built the PDF annex of that revision with the builder of the annex format the file records (BunkaiAnnexFormat), under the certificate that sealed it, and compared the sealed bytes (only the seal signature itself may differ); where they differ, it compared the SHA-256 of the data the file was built from (BunkaiSourceSha256, format 2 on) with that of the revision’s data now.',
  standing: 'The revision’s standing (版の効力) was derived from all revisions of the engagement.',
} as const;

/**
 * 検証 of a PDF annex: the revision hash from the document information inside
 * the sealed bytes, the platform seal (digest of the sealed range, RSA
 * signature, platform certificate, nothing appended, time-stamp if any), and
 * the content: the sealed bytes must equal those of the annex the server
 * builds for that revision now, with the builder of the format the file
 * records and under the certificate that sealed it (an earlier one after a
 * rotation), else the recorded source digest must equal the revision's data
 * now. A PDF downloaded before a later signature was added therefore reports
 * `content_differs` (download it again).
 */
export const createPdfVerifier =
  <F extends Found>({ findVisible, describe, matched, inspect, compare, sealCertificates }: PdfVerifierDeps<F>) =>
  async (actor: Actor, file: Buffer): Promise<TVerifyResponse> => {
    const v = await inspect(file);
    /** Which of the platform's certificates sealed the file (null when none of them did). */
    const known = sealCertificates().find((k) => k.fingerprint === v.signerFingerprint);
    const certificate = known ? { fingerprint: known.fingerprint, subject: known.subject.slice(0, 1000), current: known.current } : null;
    const check = (content: TVerifyPdfCheck['content']): TVerifyPdfCheck => ({
      sealValid: v.sealValid,
      problem: v.problem,
      signerFingerprint: v.signerFingerprint,
      timeStamp: v.timeStamp,
      content,
      format: v.format,
      sealCertificate: certificate,
    });
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

    const compared = await compare(actor, found.row.id, file, v);
    const described = await describe(found);
    const checks = [CHECKS.hash, CHECKS.seal, CHECKS.content, CHECKS.standing];
    const what = `revision ${found.row.number} (${described.revision.status}) of "${found.access.engagement.title}"`;
    const sealedBy = certificate && !certificate.current ? ` It was sealed with an earlier platform certificate (${certificate.subject}, SHA-256 ${certificate.fingerprint}), used before the current one.` : '';
    const checked = (content: TVerifyPdfCheck['content']): TVerifyPdfCheck => ({ ...check(content), format: compared.format });
    if (compared.verdict === 'not_an_annex')
      return { ...base, match: false, verdict: 'not_an_annex', reason: 'no_properties', message: `The PDF names ${what}, but it is not an annex this server can rebuild: ${compared.why}.`, checks, pdf: checked('not_checked'), ...described };
    if (compared.verdict === 'content_differs')
      return {
        ...base,
        match: false,
        verdict: 'content_differs',
        reason: 'content_differs',
        message: `The platform seal is intact and names ${what}, but its sealed content differs from the annex the server builds for that revision now (for example, it was downloaded before a later signature). Download the annex again to get the current one.${sealedBy}`,
        checks,
        pdf: checked('differs'),
        ...described,
      };
    const how =
      compared.content === 'identical'
        ? 'byte for byte'
        : compared.content === 'same_signed_content'
          ? 'apart from the seal signature'
          : `built from the same data (the layout or the printed standing differs: annex format ${compared.format})`;
    const sealed = `The platform seal is intact (nothing changed or added after sealing${v.timeStamp ? `; time-stamped ${v.timeStamp.time}` : ''}) and the sealed content is ${how} the annex the server builds for`;
    const m = matched(described.standing, sealed, found.row.number, found.access.engagement.title, described.signatures.length);
    return { ...base, verdict: compared.verdict, ...m, message: `${m.message}${sealedBy}`, checks, pdf: checked(compared.content), ...described };
  };
