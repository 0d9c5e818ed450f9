import type { FastifyInstance } from 'fastify';
import type { Database } from '@bunkai/db';
import type { Config } from '../config.ts';
import type { Clock } from '../platform/clock.ts';
import { createEngagementAccess } from '../access/engagement-access.ts';
import { signAccessToken } from '../plugins/auth.ts';
import { authRoutes, createAuthService, createReauthentication, createSecurityNotices } from './auth/index.ts';
import { catalogRoutes } from './catalog/index.ts';
import { createEngagementsService, engagementsRoutes } from './engagements/index.ts';
import { healthRoutes } from './health/index.ts';
import { createFindingsService, findingsRoutes } from './findings/index.ts';
import {
  createBulkAccept,
  createBulkProposals,
  createCommentsService,
  createMatrixCache,
  createMatrixService,
  createNegotiationService,
  createReviewService,
  matrixRoutes,
  negotiationRoutes,
  reviewRoutes,
} from './cells/index.ts';
import { createEventBus, createEventsService, eventsRoutes } from './events/index.ts';
import { createExchangeService, exchangeRoutes } from './exchange/index.ts';
import { assetsRoutes, createAssetsService } from './assets/index.ts';
import { createCatalogUpgrade, createDutiesService, dutiesRoutes } from './duties/index.ts';
import { createInvitationsService, invitationsRoutes } from './invitations/index.ts';
import { createPartiesService, partiesRoutes } from './parties/index.ts';
import { webRoutes } from './web/index.ts';
import { createPresenterService, presenterRoutes } from './presenter/index.ts';
import { auditRoutes, createAuditService } from './audit/index.ts';
import { createSignoff } from './signoff/index.ts';
import { createJobQueue } from './jobs/index.ts';
import { createInboxService, inboxRoutes } from './inbox/index.ts';
import { createNotifications, preferencesRoutes } from './notifications/index.ts';
import { createMailService, devMailboxRoutes } from './mail/index.ts';
import { createMembersService, membersRoutes } from './members/index.ts';
import { createWebhookDispatcher, createWebhooksService, webhooksRoutes } from './webhooks/index.ts';

export type ModuleDeps = { database: Database; config: Config; clock: Clock };

/**
 * The composition root: repositories → services → routes, one block per
 * module. Each module owns its folder (`<feature>-routes.ts`, `-service.ts`, …).
 */
export const registerModules = async (app: FastifyInstance, { database, config, clock }: ModuleDeps) => {
  const { db } = database;
  const access = createEngagementAccess(db);

  await app.register(healthRoutes(database));
  await app.register(catalogRoutes);

  // The job queue and mail come first: invitations, notifications and security notices queue e-mail through them.
  const jobs = createJobQueue({ database, clock, log: app.log, pollMs: config.jobsPollMs });
  const mail = createMailService({ db, jobs, clock, log: app.log, config });
  const notify = createSecurityNotices({ mail, clock, publicUrl: config.publicUrl });

  const auth = createAuthService({ db, clock, config, signAccessToken: (a, sid) => signAccessToken(app, a, sid), sessionEnded: (sid) => app.sessionCheck.forget(sid), notify });
  await app.register(authRoutes(auth, config.refreshTokenTtlDays));

  // 受信箱 (what waits for the signed-in user) first: the engagement list shows its count.
  // The matrix of recently read engagements, checked against PostgreSQL on every read (matrix-cache.ts).
  const matrixCache = createMatrixCache({ db });
  const inbox = createInboxService({ db, access, clock, matrixCache });
  await app.register(inboxRoutes(inbox));
  const engagements = createEngagementsService({ db, access, waiting: inbox.waiting, matrix: matrixCache.matrix });
  await app.register(engagementsRoutes(engagements));

  // Cells (分担表): the matrix, negotiation, bulk proposals, comments, kickoff review; then findings.
  await app.register(matrixRoutes(createMatrixService({ db, access, cache: matrixCache })));
  await app.register(
    negotiationRoutes({
      negotiation: createNegotiationService({ db, clock }),
      comments: createCommentsService({ db }),
      bulk: createBulkProposals({ db, access }),
      bulkAccept: createBulkAccept({ db, access, clock }),
    }),
  );
  await app.register(reviewRoutes(createReviewService({ db, clock })));
  await app.register(findingsRoutes(createFindingsService({ db, access })));

  // Event log and live updates: one LISTEN per process, started when the app is ready and
  // stopped before the server waits for open connections (SSE streams would hold it open).
  const eventBus = createEventBus({ database, log: app.log });
  app.addHook('onReady', eventBus.start);
  app.addHook('preClose', eventBus.stop);
  app.addHook('onClose', eventBus.stop);
  await app.register(eventsRoutes(createEventsService({ db, access }), eventBus));
  // Presenter mode of the kickoff review (初回確認): its changes reach followers as signals on the same streams.
  await app.register(presenterRoutes(createPresenterService({ db, access, clock })));

  // Import / export: the matrix as CSV/.xlsx, duties from CSV/.xlsx (files read in a worker that stops with the app).
  const exchange = createExchangeService({ db, access });
  app.addHook('onClose', exchange.close);
  await app.register(exchangeRoutes(exchange));


  // Engagement structure: parties, assets, duties, invitations.
  await app.register(partiesRoutes(createPartiesService({ db, access })));
  await app.register(assetsRoutes(createAssetsService({ db, access })));
  await app.register(dutiesRoutes(createDutiesService({ db, access }), createCatalogUpgrade({ db, access })));
  await app.register(invitationsRoutes(createInvitationsService({ db, access, config, clock, mail })));
  // メンバー招待: organization members invited by e-mail, and the account audit log.
  await app.register(membersRoutes(createMembersService({ db, clock, config, mail, auth }), config.refreshTokenTtlDays));

  // Sign-off and evidence: revisions (freeze, diff, export), signatures, verification, the SLA annex
  // (別紙 .docx, built in a worker-thread pool whose workers stop with the app); the audit trail.
  const signoff = createSignoff({ db, access, config, clock, reauthentication: createReauthentication({ db, clock, config, notify }) });
  app.addHook('onClose', signoff.close);
  await app.register(signoff.routes);
  await app.register(auditRoutes(createAuditService({ db, access, clock })));

  // Notifications (docs/notifications.md): a PostgreSQL job queue with one worker per process (started when the
  // app is ready, stopped before the database closes), mail sent from jobs, and webhooks fed from the event log.
  if (mail.mailboxEnabled) await app.register(devMailboxRoutes(mail));
  const dispatcher = createWebhookDispatcher({ db, jobs, clock, allowPrivate: config.webhookAllowPrivate });
  await app.register(webhooksRoutes(createWebhooksService({ db, access, dispatcher, jobs, allowPrivate: config.webhookAllowPrivate })));
  // Per-user notifications from the event log, digest e-mails and reminders, and the settings they follow.
  createNotifications({ db, jobs, mail, clock, config });
  await app.register(preferencesRoutes({ db, secret: config.jwtSecret }));
  // A committed event (NOTIFY from the event-log trigger) wakes the dispatcher before its next poll — within
  // 250 ms, so that under a stream of writes it files events in batches instead of a transaction per event.
  jobs.wakeOn('bunkai_events', 250);
  app.decorate('jobs', jobs);
  app.decorate('mail', mail);
  app.addHook('onReady', jobs.start);
  app.addHook('preClose', jobs.stop);
  app.addHook('onClose', jobs.stop);

  // The built web app (apps/web/dist) with SPA fallback; skipped when not built. Keep this block last.
  const web = webRoutes();
  if (web) await app.register(web);
};
