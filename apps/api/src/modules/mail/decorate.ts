import type { MailService } from './mail-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Outgoing mail: `app.mail.enqueueMail(…)` (tests; modules get the service injected instead). */
    mail: MailService;
  }
}
