import type { TAnnexInput, TAnnexOptions } from '@bunkai/docx';
import { annexFileName } from '@bunkai/docx';
import type { Db } from '@bunkai/db';
import type { EngagementAccessService } from '../../../access/engagement-access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import type { RevisionsService } from '../revisions/revisions-service.ts';
import { loadDraftAnnexInput, loadRevisionAnnexInput } from './annex-loader.ts';
import type { AnnexWorkerPool } from './annex-worker-pool.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  revisions: Pick<RevisionsService, 'loadRevision' | 'readContext'>;
  pool: Pick<AnnexWorkerPool, 'build'>;
  /** Where readers verify an annex (the web app's 検証 page); printed on the signature page. */
  verifyUrl?: string;
  /** The draft annex is dated by it. */
  clock?: Clock;
};

export type AnnexFile = { fileName: string; contentType: string; body: Buffer };

/**
 * 別紙 (SLA annex) downloads: access checks and reads here, the .docx itself
 * built off the event loop by the worker pool.
 */
export const createAnnexService = ({ db, access, revisions, pool, verifyUrl, clock = { now: () => new Date() } }: Deps) => {
  const file = async (input: TAnnexInput, options: TAnnexOptions = {}): Promise<AnnexFile> => ({
    fileName: annexFileName(input),
    contentType: DOCX_CONTENT_TYPE,
    body: await pool.build(input, options),
  });

  const revisionInput = async (actor: Actor, revisionId: string): Promise<TAnnexInput> => {
    // 404 for unknown revisions and for revisions of engagements the caller is no party to.
    const { row } = await revisions.loadRevision(actor, revisionId, 'engagement:read');
    // 版の効力 as of today goes on the cover: executed and current, superseded by N on D, void, awaiting signatures.
    const ctx = await revisions.readContext(row.engagementId);
    return loadRevisionAnnexInput(db, row, verifyUrl, ctx.standingOf(ctx.rows.find((r) => r.id === row.id) ?? row));
  };

  const draftInput = async (actor: Actor, engagementId: string): Promise<TAnnexInput> => {
    await access.require(actor, engagementId, 'engagement:read');
    return loadDraftAnnexInput(db, engagementId, { now: clock.now(), ...(verifyUrl ? { verifyUrl } : {}) });
  };

  return {
    revisionInput,
    draftInput,
    /** GET /api/v1/revisions/:id/annex.docx — the same revision state always gives the same bytes. */
    revisionAnnex: async (actor: Actor, revisionId: string, options: TAnnexOptions = {}) => file(await revisionInput(actor, revisionId), options),
    /** GET /api/v1/engagements/:id/annex.docx — the current matrix, watermarked 草案 DRAFT. */
    draftAnnex: async (actor: Actor, engagementId: string, options: TAnnexOptions = {}) => file(await draftInput(actor, engagementId), options),
  };
};
export type AnnexService = ReturnType<typeof createAnnexService>;
