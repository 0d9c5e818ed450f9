import type { TAnnexInput } from '@bunkai/docx';
import { annexFileName } from '@bunkai/docx';
import { type Db, signaturesRepository } from '@bunkai/db';
import type { TSignatureAuthentication } from '@bunkai/domain';
import type { PdfVerification, SealIdentity, TPdfContentVerdict, TSignatureEvidence } from '@bunkai/pdf';
import type { Actor } from '../../../plugins/auth.ts';
import type { AnnexFile, AnnexService } from '../annex/annex-service.ts';
import type { AnnexPdfPool } from './annex-pdf-pool.ts';

export const PDF_CONTENT_TYPE = 'application/pdf';

type Deps = {
  db: Db;
  /** The .docx annex service: its access checks and inputs are the PDF's too (one content, two formats). */
  annex: Pick<AnnexService, 'revisionInput' | 'draftInput'>;
  pool: Pick<AnnexPdfPool, 'build' | 'compare'>;
  sealIdentity: () => SealIdentity;
  /** RFC 3161 TSA (SIGNING_TSA_URL): each seal gets a time-stamp, and the bytes differ per build. */
  tsaUrl?: string | undefined;
};

/** 認証方式 as printed; signatures made before the method was recorded print 「記録なし」. */
const AUTHENTICATION_LABELS: Record<TSignatureAuthentication, string> = {
  password: 'パスワード再入力（Password re-entry）',
  'password+totp': 'パスワード再入力＋TOTP認証コード（Password + TOTP）',
  'password+recovery_code': 'パスワード再入力＋リカバリーコード（Password + recovery code）',
};

/** 別紙 (SLA annex) as a sealed PDF: the same input as the .docx, plus what each signature recorded at signing. */
export const createAnnexPdfService = ({ db, annex, pool, sealIdentity, tsaUrl }: Deps) => {
  const file = async (input: TAnnexInput, evidence: Record<string, TSignatureEvidence>): Promise<AnnexFile> => ({
    fileName: annexFileName(input).replace(/\.docx$/, '.pdf'),
    contentType: PDF_CONTENT_TYPE,
    body: await pool.build({ input, identity: sealIdentity(), evidence, ...(tsaUrl ? { tsaUrl } : {}) }),
  });

  /** Access first (404 for non-parties), then the evidence of the revision's signatures. */
  const revisionTask = async (actor: Actor, revisionId: string) => {
    const input = await annex.revisionInput(actor, revisionId);
    const rows = await signaturesRepository(db).of([revisionId]);
    const evidence = Object.fromEntries(rows.map((s) => [s.seal, { authentication: s.authentication ? (AUTHENTICATION_LABELS[s.authentication as TSignatureAuthentication] ?? null) : null, ip: s.ip, userAgent: s.userAgent }]));
    return { input, evidence };
  };

  return {
    /** GET /api/v1/revisions/:id/annex.pdf — the same revision state gives the same bytes (without a TSA). */
    revisionAnnex: async (actor: Actor, revisionId: string): Promise<AnnexFile> => {
      const { input, evidence } = await revisionTask(actor, revisionId);
      return file(input, evidence);
    },
    /**
     * 検証: the content of an uploaded sealed PDF (`found`, from verifyPdf) against the annex of that revision, rebuilt
     * with the format the file records under the certificate that sealed it (compareAnnexPdf, in a worker).
     */
    compareRevisionAnnex: async (actor: Actor, revisionId: string, file: Buffer, found: PdfVerification): Promise<TPdfContentVerdict> => {
      const { input, evidence } = await revisionTask(actor, revisionId);
      return pool.compare({ bytes: file, found, input, evidence, identity: sealIdentity() });
    },
    /** GET /api/v1/engagements/:id/annex.pdf — the current matrix, watermarked 草案 DRAFT, sealed all the same. */
    draftAnnex: async (actor: Actor, engagementId: string): Promise<AnnexFile> => file(await annex.draftInput(actor, engagementId), {}),
  };
};
export type AnnexPdfService = ReturnType<typeof createAnnexPdfService>;
