/**
 * 署名: the statement a signatory is shown and signs, and the seal input.
 * Both are part of the evidence, so their exact text is fixed here and
 * versioned (see docs/decisions/0004-revision-canonical-form.md).
 */
import { canonicalJson } from '../canonical/canonical-json.ts';

export type TStatementInput = {
  signerName: string;
  organizationName: string;
  partyDisplayName: string;
  engagementTitle: string;
  revisionNumber: number;
  revisionSha256: string;
};

/** Japanese first, then English; both name the party, the revision number and its hash. */
export const signingStatement = (s: TStatementInput): string =>
  [
    `私（${s.organizationName} ${s.signerName}）は、当事者「${s.partyDisplayName}」を代表して、協議案件「${s.engagementTitle}」の責任分界表 第${s.revisionNumber}版（SHA-256: ${s.revisionSha256}）の内容を確認し、これに同意して署名します。`,
    `I, ${s.signerName} of ${s.organizationName}, on behalf of the party "${s.partyDisplayName}", have reviewed revision ${s.revisionNumber} of the responsibility matrix of "${s.engagementTitle}" (SHA-256: ${s.revisionSha256}), agree to it and sign it.`,
  ].join('\n');

/** Version of the seal field list below; a new list means a new version, never an edit. */
export const SEAL_VERSION = 1;

/** The sealed fields of a signature, version 1. */
export type TSealFields = {
  revisionId: string;
  revisionNumber: number;
  revisionSha256: string;
  partyId: string;
  organizationId: string;
  signerUserId: string;
  signerName: string;
  /** ISO-8601 UTC with milliseconds, exactly as stored. */
  signedAt: string;
  statement: string;
  ip: string;
  userAgent: string;
};

/** The exact text whose UTF-8 SHA-256 is the seal: canonicalJson of `{ v: 1, …fields }`. */
export const sealInput = (f: TSealFields): string =>
  canonicalJson({
    v: SEAL_VERSION,
    revisionId: f.revisionId,
    revisionNumber: f.revisionNumber,
    revisionSha256: f.revisionSha256,
    partyId: f.partyId,
    organizationId: f.organizationId,
    signerUserId: f.signerUserId,
    signerName: f.signerName,
    signedAt: f.signedAt,
    statement: f.statement,
    ip: f.ip,
    userAgent: f.userAgent,
  });
