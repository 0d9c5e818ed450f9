import { z } from 'zod';
import { ENGAGEMENT_STATUSES, RACI_ROLES } from '../model/enums.ts';
import { LIMITS, ZDateTime, ZId, ZLocalized } from '../model/primitives.ts';
import { REVISION_STATUSES, ZRevision, ZSignature } from '../model/revision.ts';
import { ZRevisionStanding } from '../revision/standing.ts';
import { ZRecoveryCode, ZTotpCode } from './auth.ts';

/**
 * 版・署名・検証: frozen revisions, signatures, amendments, diffs and
 * verification. The canonical form itself is documented in
 * docs/decisions/0004-revision-canonical-form.md.
 */

export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');

/** A signature as read back: still valid for the revision it signed (`validFor`), whatever came later. */
export const ZSignatureView = ZSignature.extend({
  /** The revision number this signature is valid for (署名はこの版に対して有効). */
  validFor: z.number().int().min(1),
  partyDisplayName: z.string().max(LIMITS.name),
  organizationName: z.string().max(LIMITS.name),
  /** The seal recomputed from the stored fields matches the stored seal. */
  sealValid: z.boolean(),
});
export type TSignatureView = z.infer<typeof ZSignatureView>;

export const ZSigningParty = z.object({
  partyId: ZId,
  role: z.string().max(40),
  displayName: z.string().max(LIMITS.name),
  signed: z.boolean(),
});

export const ZRevisionView = ZRevision.extend({
  /** frozen: open for signatures; executed: every party signed; superseded: the matrix changed before it was executed. */
  status: z.enum(REVISION_STATUSES),
  /** The live matrix still hashes to this revision's sha256. */
  matchesLive: z.boolean(),
  /** 版の効力: executed and current, executed but superseded by revision N on date D, void, or awaiting signatures. */
  standing: ZRevisionStanding,
  signatures: z.array(ZSignatureView),
  /** Every non-observer party and whether it has signed. */
  signingParties: z.array(ZSigningParty),
});
export type TRevisionView = z.infer<typeof ZRevisionView>;

/** Set when the live matrix differs from the latest revision: revision N+1 is being drafted. */
export const ZDraftInfo = z.object({ number: z.number().int().min(1), changedSinceFrozen: z.boolean() }).nullable();
export type TDraftInfo = z.infer<typeof ZDraftInfo>;

export const ZRevisionsResponse = z.object({
  revisions: z.array(ZRevisionView),
  draft: ZDraftInfo,
  engagementStatus: z.enum(ENGAGEMENT_STATUSES),
  liveSha256: ZSha256,
});
export const ZRevisionResponse = z.object({ revision: ZRevisionView, draft: ZDraftInfo });

export const ZSignRequest = z.object({
  partyId: ZId,
  /** The signer re-enters the password (再認証). */
  password: z.string().min(1).max(LIMITS.password),
  /** Required when the signer has TOTP enrolled (and enrollment is required when the engagement says so). */
  totp: ZTotpCode.optional(),
  /** Instead of `totp` when the authenticator is lost: one unused recovery code, spent by this signature (decision 0014). */
  recoveryCode: ZRecoveryCode.optional(),
});
export type TSignRequest = z.infer<typeof ZSignRequest>;
export const ZSignResponse = z.object({ signature: ZSignatureView, revision: ZRevisionView });

export const ZSigningStatementResponse = z.object({
  statement: z.string().max(LIMITS.text),
  revision: z.object({ id: ZId, number: z.number().int(), sha256: ZSha256 }),
  party: z.object({ id: ZId, displayName: z.string().max(LIMITS.name) }),
  requiresTotp: z.boolean(),
  sealVersion: z.number().int(),
});

// ── Export and verification ────────────────────────────────────────────────

export const ZRevisionExport = z.object({
  format: z.literal('bunkai-revision/1'),
  engagementId: ZId,
  number: z.number().int().min(1),
  sha256: ZSha256,
  /** The canonical object; hex SHA-256 of UTF-8 canonicalJson(canonical) must equal `sha256`. */
  canonical: z.record(z.string(), z.unknown()),
  signatures: z.array(ZSignatureView),
});
export type TRevisionExport = z.infer<typeof ZRevisionExport>;

/** What /verify accepts as JSON: an export, possibly altered, so only its frame is checked. */
export const ZVerifyJsonRequest = z.object({
  format: z.string().max(40),
  engagementId: z.string().max(64).optional(),
  number: z.number().int().optional(),
  sha256: z.string().max(128),
  canonical: z.record(z.string(), z.unknown()),
});
export type TVerifyJsonRequest = z.infer<typeof ZVerifyJsonRequest>;

export const VERIFY_REASONS = ['match', 'hash_mismatch', 'unknown_format', 'no_revision', 'no_properties', 'content_differs', 'superseded', 'void', 'seal_invalid'] as const;

/**
 * What the content check found. exact: the bytes equal the annex the server builds for that revision (or, for
 * JSON, the canonical content hashes to the revision hash); same_content: other bytes (re-saved by Word or
 * LibreOffice) but the same visible text table by table, cell by cell; content_differs: see `differences`;
 * unknown_revision: no revision you may see has the hash; not_an_annex: not a Bunkai annex or export.
 */
export const VERIFY_VERDICTS = ['exact', 'same_content', 'content_differs', 'unknown_revision', 'not_an_annex'] as const;
export type TVerifyVerdict = (typeof VERIFY_VERDICTS)[number];

export const ZContentDifference = z.object({
  section: z.string().max(LIMITS.short),
  /** 項番 (or the row's first cell); null for body text. */
  item: z.string().max(LIMITS.short).nullable(),
  column: z.string().max(LIMITS.short).nullable(),
  expected: z.string().max(LIMITS.text),
  found: z.string().max(LIMITS.text),
});

/** PDF annex only: the platform seal (PAdES) and how the file's signed bytes compare with the annex rebuilt now. */
export const ZVerifyPdfCheck = z.object({
  sealValid: z.boolean(),
  /** Why the seal is not valid: digest_mismatch (a byte changed), appended_after_seal, unknown_certificate, bad_signature, … */
  problem: z.string().max(40).nullable(),
  signerFingerprint: ZSha256.nullable(),
  /** RFC 3161 time-stamp on the seal, when the platform had a TSA configured. */
  timeStamp: z.object({ time: ZDateTime, tsaFingerprint: ZSha256 }).nullable(),
  /**
   * identical: the same bytes; same_signed_content: only the signature value differs (a time-stamp, or a seal by an
   * earlier platform certificate); same_source: laid out differently but built from the same data (BunkaiSourceSha256);
   * differs; not_checked (seal invalid or no revision).
   */
  content: z.enum(['identical', 'same_signed_content', 'same_source', 'differs', 'not_checked']),
  /** The annex format the PDF records (BunkaiAnnexFormat, e.g. bunkai-annex-pdf/2): its builder re-built it. */
  format: z.string().max(40).nullable().optional(),
  /** The platform certificate that sealed it; `current` false for one used before a rotation. */
  sealCertificate: z.object({ fingerprint: ZSha256, subject: z.string().max(1000), current: z.boolean() }).nullable().optional(),
});
export type TVerifyPdfCheck = z.infer<typeof ZVerifyPdfCheck>;

export const ZVerifyResponse = z.object({
  /** The content equals a revision that is executed and current, or open for signatures; false for superseded and void revisions. */
  match: z.boolean(),
  verdict: z.enum(VERIFY_VERDICTS),
  source: z.enum(['json', 'docx', 'pdf']),
  /** Why: `match`, `hash_mismatch` (content altered), `unknown_format`, `no_revision` (no visible revision has that hash), `no_properties` (not an annex). */
  reason: z.enum(VERIFY_REASONS),
  message: z.string().max(LIMITS.short),
  /** JSON only: the hash of the uploaded canonical content. */
  recomputedSha256: ZSha256.nullable(),
  claimedSha256: z.string().max(128).nullable(),
  engagement: z.object({ id: ZId, title: z.string().max(LIMITS.name) }).optional(),
  revision: z.object({ id: ZId, number: z.number().int(), status: z.enum(REVISION_STATUSES), executedAt: ZDateTime.nullable() }).optional(),
  signatures: z.array(ZSignatureView).optional(),
  /** 版の効力 of the revision the file names. */
  standing: ZRevisionStanding.optional(),
  /** content_differs: the first differences (at most 20), in document order. */
  differences: z.array(ZContentDifference).max(20).optional(),
  /** .docx: the annex format the document records (1 when it records none). */
  annexFormat: z.number().int().nullable().optional(),
  /** Exactly what was checked, one sentence each (printed by the 検証 page). */
  checks: z.array(z.string().max(LIMITS.short)).max(10),
  /** PDF annexes: the platform seal and the sealed bytes compared with the annex built now. */
  pdf: ZVerifyPdfCheck.optional(),
});
export type TVerifyResponse = z.infer<typeof ZVerifyResponse>;

// ── Diff ───────────────────────────────────────────────────────────────────

const ZRoles = z.array(z.enum(RACI_ROLES));
export const ZCanonicalCell = z.object({
  key: z.string(),
  duty: z.string(),
  asset: z.string().nullable(),
  status: z.string(),
  assignment: z.record(z.string(), ZRoles).nullable(),
  terms: z.object({ responseTime: z.string(), frequency: z.string(), evidence: z.string(), remarks: z.string() }),
  notApplicableReason: z.string().nullable(),
  kickoff: z.object({ firstCheckAnswer: z.string().nullable(), firstCheckOn: z.string().nullable(), completedOn: z.string().nullable(), notes: z.string() }),
});

const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const ZCellRef = z.object({ key: z.string(), dutyCode: z.string(), dutyTitle: ZLocalized.nullable(), assetKey: z.string().nullable(), assetName: z.string().nullable() });
export const ZCellDiff = z.object({
  added: z.array(ZCellRef.extend({ after: ZCanonicalCell })),
  removed: z.array(ZCellRef.extend({ before: ZCanonicalCell })),
  changed: z.array(ZCellRef.extend({ changes: z.array(ZFieldChange), before: ZCanonicalCell, after: ZCanonicalCell })),
});
const ZEntityDiff = z.object({
  added: z.array(z.object({ key: z.string(), after: z.unknown() })),
  removed: z.array(z.object({ key: z.string(), before: z.unknown() })),
  changed: z.array(z.object({ key: z.string(), changes: z.array(ZFieldChange) })),
});
export const ZRevisionDiff = z.object({
  engagement: z.array(ZFieldChange),
  parties: ZEntityDiff,
  assets: ZEntityDiff,
  duties: ZEntityDiff,
  cells: ZCellDiff,
  byParty: z.array(
    z.object({
      partyKey: z.string(),
      displayName: z.string(),
      cells: z.array(z.object({ key: z.string(), dutyCode: z.string(), assetName: z.string().nullable(), rolesBefore: ZRoles, rolesAfter: ZRoles })),
    }),
  ),
  counts: z.object({ cellsAdded: z.number().int(), cellsRemoved: z.number().int(), cellsChanged: z.number().int() }),
});

const ZRevisionRef = z.object({ id: ZId, number: z.number().int(), sha256: ZSha256 });
export const ZRevisionDiffResponse = z.object({ from: ZRevisionRef, to: ZRevisionRef, diff: ZRevisionDiff });

/** 「署名後に自分たちの分担で何が変わったか」 for one party. */
export const ZChangesSinceSignedResponse = z.object({
  party: z.object({ id: ZId, displayName: z.string(), key: z.string() }),
  /** The latest revision this party signed; null when it never signed one (nothing to compare). */
  signedRevision: ZRevisionRef.extend({ signedAt: ZDateTime }).nullable(),
  liveSha256: ZSha256,
  changedSinceSigned: z.boolean(),
  cells: ZCellDiff,
});
