import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Reauthentication } from '../auth/index.ts';
import { annexRoutes } from './annex/annex-routes.ts';
import { createAnnexService } from './annex/annex-service.ts';
import { type AnnexWorkerPoolOptions, createAnnexWorkerPool } from './annex/annex-worker-pool.ts';
import { createAnnexPdfPool } from './annex-pdf/annex-pdf-pool.ts';
import { annexPdfRoutes } from './annex-pdf/annex-pdf-routes.ts';
import { createAnnexPdfService } from './annex-pdf/annex-pdf-service.ts';
import { createSealCertificateRecord } from './annex-pdf/seal-certificates.ts';
import { createSealIdentitySource } from './annex-pdf/seal-identity.ts';
import { revisionsRoutes } from './revisions/revisions-routes.ts';
import { createRevisionsService } from './revisions/revisions-service.ts';
import { signaturesRoutes } from './signatures/signatures-routes.ts';
import { createSignaturesService } from './signatures/signatures-service.ts';
import { VERIFY_MAX_BYTES, verifyRoutes } from './verify/verify-routes.ts';
import { createVerifyService } from './verify/verify-service.ts';

type Deps = {
  db: Db;
  access: EngagementAccessService;
  config: Pick<Config, 'publicUrl' | 'dataDir' | 'signingP12Path' | 'signingP12Passphrase' | 'signingTsaUrl'> & Partial<Pick<Config, 'signingPreviousCertificatesPath'>>;
  clock: Clock;
  reauthentication: Reauthentication;
  annexPool?: AnnexWorkerPoolOptions;
};

/**
 * Sign-off (凍結・署名・検証・別紙) as one feature: revisions (freeze, diff,
 * export), signatures, verification and the SLA annex, wired from explicit
 * deps. `close` stops the annex workers (call it when the app closes).
 */
export const createSignoff = ({ db, access, config, clock, reauthentication, annexPool }: Deps) => {
  const revisions = createRevisionsService({ db, access, clock });
  const signatures = createSignaturesService({ db, access, revisions, reauthentication, clock });
  // SLA annex (別紙 .docx): built — and verified — in a small worker-thread pool, off the event loop.
  const pool = createAnnexWorkerPool(annexPool);
  const verifyUrl = `${config.publicUrl.replace(/\/+$/, '')}/verify`;
  const annex = createAnnexService({ db, access, revisions, pool, clock, verifyUrl });
  // The same annex as a sealed PDF (PAdES by the platform's certificate), built in its own worker pool.
  // Every certificate the platform sealed with is recorded, so PDFs sealed before a rotation keep verifying.
  const sealRecord = createSealCertificateRecord({ dataDir: config.dataDir, previousCertificatesPath: config.signingPreviousCertificatesPath });
  const sealIdentity = createSealIdentitySource(config, sealRecord);
  const pdfPool = createAnnexPdfPool();
  const annexPdf = createAnnexPdfService({ db, annex, pool: pdfPool, sealIdentity, tsaUrl: config.signingTsaUrl });
  /** Certificates whose PDF seals count as the platform's (for verifyPdf): today's first, then the earlier ones. */
  const sealCertificates = () => sealRecord.known(sealIdentity());
  const inspect = (bytes: Buffer) => pdfPool.verify({ bytes, trustedCertificates: sealCertificates().map((c) => c.der), maxBytes: VERIFY_MAX_BYTES });
  const verify = createVerifyService({ db, access, revisions, pool, verifyUrl, pdf: { inspect, compare: annexPdf.compareRevisionAnnex, sealCertificates } });
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(revisionsRoutes(revisions));
    await app.register(signaturesRoutes(signatures));
    await app.register(verifyRoutes(verify));
    await app.register(annexRoutes(annex));
    await app.register(annexPdfRoutes(annexPdf));
  };
  const close = async () => {
    await Promise.all([pool.close(), pdfPool.close()]);
  };
  return { revisions, signatures, verify, annex, annexPdf, sealCertificates, pool, routes, close };
};
export type Signoff = ReturnType<typeof createSignoff>;
