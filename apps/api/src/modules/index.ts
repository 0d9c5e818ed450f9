import type { FastifyInstance } from 'fastify';
import type { Database } from '@bunkai/db';
import type { Config } from '../config.ts';
import { createEngagementAccess } from '../access/engagement-access.ts';
import { signAccessToken } from '../plugins/auth.ts';
import { createAuthRepository } from './auth/auth-repository.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { createAuthService } from './auth/auth-service.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import { engagementsRoutes } from './engagements/engagements-routes.ts';
import { createEngagementsService } from './engagements/engagements-service.ts';
import { healthRoutes } from './health/health-routes.ts';
import { findingsRoutes } from './findings/findings-routes.ts';
import { createFindingsService } from './findings/findings-service.ts';
import { createCellAccess } from './matrix/cell-access.ts';
import { matrixRoutes } from './matrix/matrix-routes.ts';
import { createMatrixService } from './matrix/matrix-service.ts';
import { createBulkProposals } from './negotiation/negotiation-bulk.ts';
import { createCommentsService } from './negotiation/negotiation-comments.ts';
import { negotiationRoutes } from './negotiation/negotiation-routes.ts';
import { createNegotiationService } from './negotiation/negotiation-service.ts';
import { reviewRoutes } from './review/review-routes.ts';
import { createReviewService } from './review/review-service.ts';
import { createEventBus } from './events/event-bus.ts';
import { eventsRoutes } from './events/events-routes.ts';
import { createEventsService } from './events/events-service.ts';
import { exchangeRoutes } from './exchange/exchange-routes.ts';
import { createExchangeService } from './exchange/exchange-service.ts';
import { assetsRoutes } from './assets/assets-routes.ts';
import { createAssetsService } from './assets/assets-service.ts';
import { dutiesRoutes } from './duties/duties-routes.ts';
import { createDutiesService } from './duties/duties-service.ts';
import { invitationsRoutes } from './invitations/invitations-routes.ts';
import { createInvitationsService } from './invitations/invitations-service.ts';
import { partiesRoutes } from './parties/parties-routes.ts';
import { createPartiesService } from './parties/parties-service.ts';
import { webRoutes } from './web/web-routes.ts';
import { auditRoutes } from './audit/audit-routes.ts';
import { createAuditService } from './audit/audit-service.ts';
import { revisionsRoutes } from './revisions/revisions-routes.ts';
import { createRevisionsService } from './revisions/revisions-service.ts';
import { signaturesRoutes } from './signatures/signatures-routes.ts';
import { createSignaturesService } from './signatures/signatures-service.ts';
import { verifyRoutes } from './verify/verify-routes.ts';
import { annexRoutes } from './annex/annex-routes.ts';
import { createAnnexService } from './annex/annex-service.ts';
import { createAnnexWorkerPool } from './annex/annex-worker-pool.ts';
import { createVerifyService } from './verify/verify-service.ts';

export type ModuleDeps = { database: Database; config: Config };

/**
 * The composition root: repositories → services → routes, one block per
 * module. Each module owns its folder (`<feature>-routes.ts`, `-service.ts`, …).
 */
export const registerModules = async (app: FastifyInstance, { database, config }: ModuleDeps) => {
  const { db } = database;
  const access = createEngagementAccess(db);

  await app.register(healthRoutes(database));
  await app.register(catalogRoutes);

  const auth = createAuthService({ db, repo: createAuthRepository(db), config, signAccessToken: (a) => signAccessToken(app, a) });
  await app.register(authRoutes(auth));

  const engagements = createEngagementsService({ db, access });
  await app.register(engagementsRoutes(engagements));

  // The matrix and its negotiation: cells, proposals, comments, kickoff review, findings.
  const cellAccess = createCellAccess(db, access);
  await app.register(matrixRoutes(createMatrixService({ db, access, cellAccess })));
  await app.register(
    negotiationRoutes({
      negotiation: createNegotiationService({ db }),
      comments: createCommentsService({ db, cellAccess }),
      bulk: createBulkProposals({ db, access }),
    }),
  );
  await app.register(reviewRoutes(createReviewService({ db, cellAccess })));
  await app.register(findingsRoutes(createFindingsService({ db, access })));

  // Event log and live updates: one LISTEN per process, started when the app is ready and
  // stopped before the server waits for open connections (SSE streams would hold it open).
  const eventBus = createEventBus({ database, log: app.log });
  app.addHook('onReady', eventBus.start);
  app.addHook('preClose', eventBus.stop);
  app.addHook('onClose', eventBus.stop);
  await app.register(eventsRoutes(createEventsService({ db, access }), eventBus));

  // Import / export: the matrix as CSV/.xlsx, duties from CSV/.xlsx.
  await app.register(exchangeRoutes(createExchangeService({ db, access })));

  // Engagement structure: parties, assets, duties, invitations.
  await app.register(partiesRoutes(createPartiesService({ db, access })));
  await app.register(assetsRoutes(createAssetsService({ db, access })));
  await app.register(dutiesRoutes(createDutiesService({ db, access })));
  await app.register(invitationsRoutes(createInvitationsService({ db, access, config })));

  // Sign-off and evidence: revisions (freeze, diff, export), signatures, verification, audit trail.
  const revisions = createRevisionsService({ db, access });
  await app.register(revisionsRoutes(revisions));
  await app.register(signaturesRoutes(createSignaturesService({ db, revisions, authRepo: createAuthRepository(db), config })));
  await app.register(verifyRoutes(createVerifyService({ db, access, revisions })));
  await app.register(auditRoutes(createAuditService({ db, access })));

  // SLA annex (別紙 .docx): built in a small worker-thread pool, off the event loop; the workers stop with the app.
  const annexPool = createAnnexWorkerPool();
  app.addHook('onClose', annexPool.close);
  await app.register(annexRoutes(createAnnexService({ db, access, revisions, pool: annexPool, verifyUrl: `${config.publicUrl.replace(/\/+$/, '')}/verify` })));

  // The built web app (apps/web/dist) with SPA fallback; skipped when not built. Keep this block last.
  const web = webRoutes();
  if (web) await app.register(web);
};
