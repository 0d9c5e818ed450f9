import type { TAnnexInput } from '@bunkai/docx';
import { annexFileName } from '@bunkai/docx';
import { conflict, parseCanonicalRevision } from '@bunkai/domain';
import type { Db } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import { toParty } from '../../lib/mappers.ts';
import { loadSnapshot } from '../../lib/snapshot-loader.ts';
import type { Actor } from '../../plugins/auth.ts';
import { revisionsRepository as repo } from '../revisions/revisions-repository.ts';
import type { RevisionsService } from '../revisions/revisions-service.ts';
import { draftAnnexInput, revisionAnnexInput } from './annex-inputs.ts';
import type { AnnexWorkerPool } from './annex-worker-pool.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  revisions: Pick<RevisionsService, 'loadRevision'>;
  pool: Pick<AnnexWorkerPool, 'build'>;
  /** Where readers verify an annex (the web app's 検証 page); printed on the signature page. */
  verifyUrl?: string;
  now?: () => Date;
};

export type AnnexFile = { fileName: string; contentType: string; body: Buffer };

/**
 * 別紙 (SLA annex) downloads. Reads happen here, in one consistent pass; the
 * .docx itself is built off the event loop by the worker pool.
 */
export const createAnnexService = ({ db, access, revisions, pool, verifyUrl, now = () => new Date() }: Deps) => {
  const file = async (input: TAnnexInput): Promise<AnnexFile> => ({
    fileName: annexFileName(input),
    contentType: DOCX_CONTENT_TYPE,
    body: await pool.build(input),
  });

  /** The input for revision N: what was frozen (its canonical text) and who signed it. */
  const revisionInput = async (actor: Actor, revisionId: string): Promise<TAnnexInput> => {
    const { row } = await revisions.loadRevision(actor, revisionId, 'engagement:read');
    if (!row.canonical || !row.sha256 || !row.frozenAt)
      throw conflict('revision_not_frozen', `Revision ${revisionId} holds no frozen content, so it has no annex.`);
    const [sigs, partyRows] = await Promise.all([repo.signaturesOf(db, [row.id]), repo.partiesOf(db, row.engagementId)]);
    const liveParties = partyRows.map(toParty);
    const organizationNames = await repo.organizationNames(db, [...liveParties.map((p) => p.organizationId), ...sigs.map((s) => s.organizationId)]);
    return revisionAnnexInput({
      engagementId: row.engagementId,
      revision: { number: row.number, sha256: row.sha256, executed: row.status === 'executed', frozenAt: row.frozenAt, canonical: parseCanonicalRevision(row.canonical) },
      signatures: sigs,
      liveParties,
      organizationNames,
      ...(verifyUrl ? { verifyUrl } : {}),
    });
  };

  /** The live matrix as a draft (草案). */
  const draftInput = async (actor: Actor, engagementId: string): Promise<TAnnexInput> => {
    const a = await access.require(actor, engagementId, 'engagement:read');
    const { snapshot } = await loadSnapshot(db, engagementId);
    const organizationNames = await repo.organizationNames(db, [a.engagement.ownerOrganizationId, ...snapshot.parties.map((p) => p.organizationId)]);
    return draftAnnexInput({
      snapshot,
      organizationNames,
      ownerOrganizationId: a.engagement.ownerOrganizationId,
      now: now().toISOString(),
      ...(verifyUrl ? { verifyUrl } : {}),
    });
  };

  return {
    revisionInput,
    draftInput,
    /** GET /api/v1/revisions/:id/annex.docx — deterministic for a given revision state. */
    revisionAnnex: async (actor: Actor, revisionId: string) => file(await revisionInput(actor, revisionId)),
    /** GET /api/v1/engagements/:id/annex.docx — the current matrix, watermarked 草案 DRAFT. */
    draftAnnex: async (actor: Actor, engagementId: string) => file(await draftInput(actor, engagementId)),
  };
};
export type AnnexService = ReturnType<typeof createAnnexService>;
