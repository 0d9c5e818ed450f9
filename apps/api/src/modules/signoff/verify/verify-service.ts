import { type TVerifyResponse, REVISION_FORMAT, ZVerifyJsonRequest, canonicalJson, isDomainError, validationError } from '@bunkai/domain';
import { type Db, type RevisionRow, revisionsRepository, sha256Hex } from '@bunkai/db';
import type { EngagementAccess, EngagementAccessService } from '../../../access/engagement-access.ts';
import type { Actor } from '../../../plugins/auth.ts';
import type { RevisionsService } from '../revisions/revisions-service.ts';
import { readAnnexProperties } from '@bunkai/docx';
import { type PdfVerifierDeps, createPdfVerifier, looksLikePdf } from './verify-pdf.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  revisions: Pick<RevisionsService, 'readContext'>;
  /** PDF annexes: the platform's seal certificates and the revision's PDF as built now. */
  pdf: Pick<PdfVerifierDeps<never>, 'inspect' | 'rebuild'>;
};

type Source = TVerifyResponse['source'];
const SHA = /^[0-9a-f]{64}$/;

/**
 * 検証: does an uploaded revision export (JSON) or annex (.docx, .pdf) match a
 * revision of an engagement the caller may see? Revisions of other
 * engagements are treated exactly like no revision at all (nothing leaks).
 */
export const createVerifyService = ({ db, access, revisions, pdf }: Deps) => {
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

  const describe = async (found: { row: RevisionRow; access: EngagementAccess }) => {
    const ctx = await revisions.readContext(found.row.engagementId);
    const row = ctx.rows.find((r) => r.id === found.row.id) ?? found.row;
    const view = ctx.view(row);
    return {
      engagement: { id: found.access.engagement.id, title: found.access.engagement.title },
      revision: { id: row.id, number: row.number, status: view.status, executedAt: view.executedAt },
      signatures: view.signatures,
    };
  };

  const result = (source: Source, r: Omit<TVerifyResponse, 'source'>): TVerifyResponse => ({ source, ...r });

  const verifyJson = async (actor: Actor, body: unknown): Promise<TVerifyResponse> => {
    const parsed = ZVerifyJsonRequest.safeParse(body);
    if (!parsed.success)
      throw validationError('invalid_export', 'Upload a revision export (JSON from GET /api/v1/revisions/:id/export.json) or an annex .docx.', parsed.error.issues.slice(0, 20));
    const doc = parsed.data;
    const claimed = doc.sha256;
    if (doc.format !== REVISION_FORMAT)
      return result('json', { match: false, reason: 'unknown_format', message: `Unknown export format ${doc.format}; expected ${REVISION_FORMAT}.`, recomputedSha256: null, claimedSha256: claimed });
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
        reason: 'hash_mismatch',
        message: `The canonical content hashes to ${recomputed}, not to the claimed ${claimed}: the export was altered after it was produced${claimedRevision ? ` (it claims to be revision ${claimedRevision.row.number})` : ''}.`,
        recomputedSha256: recomputed,
        claimedSha256: claimed,
        ...(claimedRevision ? await describe(claimedRevision) : {}),
      });
    }
    const found = await findVisible(actor, recomputed, doc.engagementId);
    if (!found)
      return result('json', {
        match: false,
        reason: 'no_revision',
        message: `The export is intact, but no revision you may see has the hash ${recomputed}.`,
        recomputedSha256: recomputed,
        claimedSha256: claimed,
      });
    const described = await describe(found);
    return result('json', {
      match: true,
      reason: 'match',
      message: `The export matches revision ${found.row.number} (${described.revision.status}) of "${found.access.engagement.title}", signed by ${described.signatures.length} part${described.signatures.length === 1 ? 'y' : 'ies'}.`,
      recomputedSha256: recomputed,
      claimedSha256: claimed,
      ...described,
    });
  };

  const verifyDocx = async (actor: Actor, file: Buffer): Promise<TVerifyResponse> => {
    const props = await readAnnexProperties(file);
    const claimed = props.revisionSha256 ?? null;
    if (!claimed)
      return result('docx', {
        match: false,
        reason: 'no_properties',
        message: 'The document carries no Bunkai revision hash (custom property bunkaiRevisionSha256): it is not a revision annex, or it is a draft.',
        recomputedSha256: null,
        claimedSha256: null,
      });
    const found = await findVisible(actor, claimed, props.engagementId);
    if (!found)
      return result('docx', { match: false, reason: 'no_revision', message: `No revision you may see has the hash ${claimed}.`, recomputedSha256: null, claimedSha256: claimed });
    const described = await describe(found);
    return result('docx', {
      match: true,
      reason: 'match',
      message: `The annex names revision ${found.row.number} (${described.revision.status}) of "${found.access.engagement.title}" by its hash. Compare the document with that revision's export to check its text.`,
      recomputedSha256: null,
      claimedSha256: claimed,
      ...described,
    });
  };

  const verifyPdfAnnex = createPdfVerifier({ findVisible: (actor, sha256) => findVisible(actor, sha256), describe, ...pdf });

  return {
    verify: (actor: Actor, body: unknown): Promise<TVerifyResponse> =>
      Buffer.isBuffer(body) ? (looksLikePdf(body) ? verifyPdfAnnex(actor, body) : verifyDocx(actor, body)) : verifyJson(actor, body),
  };
};
export type VerifyService = ReturnType<typeof createVerifyService>;
