import {
  type TRevisionStanding,
  type TVerifyResponse,
  REVISION_FORMAT,
  ZVerifyJsonRequest,
  canonicalJson,
  isDomainError,
  standingLabel,
  validationError,
} from '@bunkai/domain';
import { type Db, type RevisionHead, revisionsRepository, sha256Hex } from '@bunkai/db';
import { type TAnnexContentVerdict, readAnnexProperties } from '@bunkai/docx';
import type { EngagementAccess, EngagementAccessService } from '../../../access/engagement-access.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { loadRevisionAnnexInput } from '../annex/annex-loader.ts';
import type { AnnexWorkerPool } from '../annex/annex-worker-pool.ts';
import type { RevisionsService } from '../revisions/revisions-service.ts';
import { type PdfVerifierDeps, createPdfVerifier, looksLikePdf } from './verify-pdf.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  revisions: Pick<RevisionsService, 'readContext'>;
  /** Re-builds the revision's annex and compares the upload with it, off the event loop. */
  pool: Pick<AnnexWorkerPool, 'verify'>;
  /** The verify URL printed in annexes: part of the bytes an exact match re-builds. */
  verifyUrl?: string;
  /** PDF annexes: the platform's seal certificates and the revision's PDF as built now. */
  pdf: Pick<PdfVerifierDeps<never>, 'inspect' | 'compare' | 'sealCertificates'>;
};

type Source = TVerifyResponse['source'];
const SHA = /^[0-9a-f]{64}$/;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const CHECKS = {
  jsonHash: 'The SHA-256 of the export’s canonical content was recomputed and compared with the revision hash it claims (改ざんの有無).',
  docxHash: 'The revision hash recorded in the document (custom property bunkaiRevisionSha256) was looked up among the revisions you may see.',
  docxContent:
    'The server re-built the annex of that revision with the annex format the document records and compared it: first byte for byte, then the visible text of every table cell and paragraph after normalizing whitespace and layout. Signature pages, the cover status and the generation date follow the signatures and are not compared; the signatures listed here are the server’s records.',
  standing: 'The revision’s standing (版の効力) was derived from all revisions of the engagement: executed and current, superseded by a later executed revision, void, or awaiting signatures.',
  seals: 'Each signature’s seal was recomputed from its stored fields (sealValid).',
} as const;

/**
 * 検証: does an uploaded revision export (JSON) or annex (.docx) say what a revision of an engagement the caller
 * may see says (a sealed PDF included) — and what is that revision worth today? Revisions of other engagements are treated exactly like
 * no revision at all (nothing leaks).
 */
export const createVerifyService = ({ db, access, revisions, pool, verifyUrl, pdf }: Deps) => {
  const repo = revisionsRepository(db);
  /** Visible revisions with that hash: the named engagement first, then executed ones, then the newest. */
  const findVisible = async (actor: Actor, sha256: string, preferEngagementId?: string) => {
    if (!SHA.test(sha256)) return null;
    const candidates = (await repo.bySha256([sha256])).sort(
      (a, b) =>
        Number(b.engagementId === preferEngagementId) - Number(a.engagementId === preferEngagementId) ||
        Number(b.status === 'executed') - Number(a.status === 'executed') ||
        b.number - a.number,
    );
    for (const row of candidates) {
      let a: EngagementAccess;
      try {
        a = await access.load(actor, row.engagementId);
      } catch (e) {
        // Not visible to the caller: the same as no revision at all. Anything else is a real failure.
        if (isDomainError(e) && e.code === 'not_found') continue;
        throw e;
      }
      return { row, access: a };
    }
    return null;
  };

  const describe = async (found: { row: RevisionHead; access: EngagementAccess }) => {
    const ctx = await revisions.readContext(found.row.engagementId);
    const row = ctx.rows.find((r) => r.id === found.row.id) ?? found.row;
    const view = ctx.view(row);
    return {
      engagement: { id: found.access.engagement.id, title: found.access.engagement.title },
      revision: { id: row.id, number: row.number, status: view.status, executedAt: view.executedAt },
      signatures: view.signatures,
      standing: view.standing,
    };
  };

  const result = (source: Source, r: Omit<TVerifyResponse, 'source'>): TVerifyResponse => ({ source, ...r });

  /** The content matched: a plain match only for a revision in force or open for signatures, never for a superseded or void one. */
  const matched = (standing: TRevisionStanding, what: string, number: number, title: string, signers: number) => {
    const label = standingLabel(standing);
    const live = standing.kind === 'executed_current' || standing.kind === 'awaiting_signatures';
    return {
      match: live,
      reason: live ? ('match' as const) : standing.kind === 'void' ? ('void' as const) : ('superseded' as const),
      message: `${what} revision ${number} of "${title}" — ${label.en} (${label.ja}); signed by ${signers} part${signers === 1 ? 'y' : 'ies'}.`,
    };
  };

  const verifyJson = async (actor: Actor, body: unknown): Promise<TVerifyResponse> => {
    const parsed = ZVerifyJsonRequest.safeParse(body);
    if (!parsed.success)
      throw validationError('invalid_export', 'Upload a revision export (JSON from GET /api/v1/revisions/:id/export.json) or an annex .docx.', parsed.error.issues.slice(0, 20));
    const doc = parsed.data;
    const claimed = doc.sha256;
    const checks = [CHECKS.jsonHash];
    if (doc.format !== REVISION_FORMAT)
      return result('json', { match: false, verdict: 'not_an_annex', reason: 'unknown_format', message: `Unknown export format ${doc.format}; expected ${REVISION_FORMAT}.`, recomputedSha256: null, claimedSha256: claimed, checks });
    let recomputed: string;
    try {
      recomputed = sha256Hex(canonicalJson(doc.canonical));
    } catch (e) {
      throw validationError('invalid_export', `The canonical content cannot be hashed: ${(e as Error).message}`);
    }
    if (recomputed !== claimed) {
      const claimedRevision = await findVisible(actor, claimed, doc.engagementId);
      return result('json', {
        match: false,
        verdict: 'content_differs',
        reason: 'hash_mismatch',
        message: `The canonical content hashes to ${recomputed}, not to the claimed ${claimed}: the export was altered after it was produced${claimedRevision ? ` (it claims to be revision ${claimedRevision.row.number})` : ''}.`,
        recomputedSha256: recomputed,
        claimedSha256: claimed,
        checks,
        ...(claimedRevision ? await describe(claimedRevision) : {}),
      });
    }
    const found = await findVisible(actor, recomputed, doc.engagementId);
    if (!found)
      return result('json', {
        match: false,
        verdict: 'unknown_revision',
        reason: 'no_revision',
        message: `The export is intact, but no revision you may see has the hash ${recomputed}.`,
        recomputedSha256: recomputed,
        claimedSha256: claimed,
        checks,
      });
    const described = await describe(found);
    return result('json', {
      verdict: 'exact',
      ...matched(described.standing, 'The export’s content hashes exactly to', found.row.number, found.access.engagement.title, described.signatures.length),
      recomputedSha256: recomputed,
      claimedSha256: claimed,
      checks: [...checks, CHECKS.standing, CHECKS.seals],
      ...described,
    });
  };

  const contentMessage = (c: TAnnexContentVerdict): string => {
    switch (c.verdict) {
      case 'exact':
        return 'The file is byte for byte the annex Bunkai builds for';
      case 'same_content':
        return 'The file’s bytes differ (re-saved by an editor), but its visible text, table by table and cell by cell, equals';
      default:
        return 'The file names';
    }
  };

  const verifyDocx = async (actor: Actor, file: Buffer): Promise<TVerifyResponse> => {
    const props = await readAnnexProperties(file);
    const claimed = props.revisionSha256 ?? null;
    const checks: string[] = [CHECKS.docxHash];
    if (!claimed)
      return result('docx', {
        match: false,
        verdict: 'not_an_annex',
        reason: 'no_properties',
        message: 'The document carries no Bunkai revision hash (custom property bunkaiRevisionSha256): it is not a revision annex, or it is a draft (草案), which cannot be verified.',
        recomputedSha256: null,
        claimedSha256: null,
        annexFormat: null,
        checks,
      });
    const found = await findVisible(actor, claimed, props.engagementId);
    if (!found)
      return result('docx', {
        match: false,
        verdict: 'unknown_revision',
        reason: 'no_revision',
        message: `No revision you may see has the hash ${claimed}.`,
        recomputedSha256: null,
        claimedSha256: claimed,
        annexFormat: props.annexFormat ?? 1,
        checks,
      });
    const described = await describe(found);
    const input = await loadRevisionAnnexInput(db, found.row, verifyUrl, described.standing);
    const content = await pool.verify(input, file);
    checks.push(CHECKS.docxContent, CHECKS.standing, CHECKS.seals);
    const base = { recomputedSha256: null, claimedSha256: claimed, annexFormat: content.format, checks, ...described };
    if (content.verdict === 'exact' || content.verdict === 'same_content')
      return result('docx', {
        verdict: content.verdict,
        ...matched(described.standing, contentMessage(content), found.row.number, found.access.engagement.title, described.signatures.length),
        ...base,
      });
    if (content.verdict === 'not_an_annex')
      return result('docx', { match: false, verdict: 'not_an_annex', reason: 'no_properties', message: `The file names revision ${found.row.number}, but it is not a readable annex: ${content.why}.`, ...base });
    const first = content.differences[0];
    return result('docx', {
      match: false,
      verdict: 'content_differs',
      reason: 'content_differs',
      message:
        `The file names revision ${found.row.number} of "${found.access.engagement.title}", but its content differs from that revision` +
        (first ? `: ${first.section}${first.item ? `, item ${first.item}` : ''}${first.column ? `, column ${first.column}` : ''} reads 「${clip(first.found, 80)}」 where the revision says 「${clip(first.expected, 80)}」.` : '.'),
      differences: content.differences.map((d) => ({
        section: clip(d.section, 500),
        item: d.item === null ? null : clip(d.item, 500),
        column: d.column === null ? null : clip(d.column, 500),
        expected: clip(d.expected, 4000),
        found: clip(d.found, 4000),
      })),
      ...base,
    });
  };

  const verifyPdfAnnex = createPdfVerifier({ findVisible: (actor, sha256) => findVisible(actor, sha256), describe, matched, ...pdf });

  return {
    verify: (actor: Actor, body: unknown): Promise<TVerifyResponse> =>
      Buffer.isBuffer(body) ? (looksLikePdf(body) ? verifyPdfAnnex(actor, body) : verifyDocx(actor, body)) : verifyJson(actor, body),
  };
};
export type VerifyService = ReturnType<typeof createVerifyService>;
