import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import { type Db, findMail, insertMail, listMail, markMail, toMailItem } from '@bunkai/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../jobs/index.ts';
import { type MailLang, type MailTemplateName, type MailTemplates, renderMail } from './mail-templates.ts';

export const MAIL_JOB = 'mail.send';

type Deps = {
  db: Db;
  jobs: JobQueue;
  clock: Clock;
  log: FastifyBaseLogger;
  config: Pick<Config, 'env' | 'smtpUrl' | 'mailFrom'>;
};

export type MailRequest<K extends MailTemplateName> = {
  to: string;
  template: K;
  data: MailTemplates[K];
  /** The recipient's language when known; Japanese otherwise. */
  lang?: MailLang | null | undefined;
};

/**
 * Outgoing mail (メール通知). A message is rendered when it is enqueued, stored in
 * `mail_outbox`, and sent by a job, so a failing SMTP server means a retry with
 * backoff rather than a lost message. Without SMTP_URL nothing leaves the process:
 * messages are kept (`stored`) and the development mailbox shows them.
 */
export const createMailService = ({ db, jobs, clock, log, config }: Deps) => {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  /** The development mailbox exists only where it cannot leak real mail: no SMTP, not production. */
  const mailboxEnabled = !config.smtpUrl && config.env !== 'production';
  if (!transport && config.env === 'production') log.warn('SMTP_URL is not set: e-mails are stored in mail_outbox and not sent');

  jobs.register(MAIL_JOB, async (payload, job) => {
    const mail = await findMail(db, String(payload.mailId));
    if (!mail || mail.status === 'sent' || mail.status === 'stored') return;
    if (!transport) {
      await markMail(db, mail.id, { status: 'stored', at: clock.now() });
      return;
    }
    try {
      const info = await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await markMail(db, mail.id, { status: 'sent', at: clock.now(), messageId: info.messageId, lastError: null });
    } catch (err) {
      // Recorded on the message for the operator; the job retries it with backoff until its last attempt.
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      await markMail(db, mail.id, { status: job.attempt >= job.maxAttempts ? 'failed' : 'queued', at: clock.now(), lastError });
      throw err;
    }
  });

  return {
    mailboxEnabled,

    /**
     * Renders and queues one message; pass the caller's transaction to send only if
     * it commits, or call after commit without one. Returns the message id.
     */
    enqueueMail: async <K extends MailTemplateName>(req: MailRequest<K>, tx?: Db): Promise<{ mailId: string }> => {
      const lang: MailLang = req.lang ?? 'ja';
      const rendered = renderMail(req.template, lang, req.data);
      const write = async (t: Db) => {
        const mail = await insertMail(t, { to: req.to, template: req.template, lang, ...rendered });
        await jobs.enqueue({ kind: MAIL_JOB, payload: { mailId: mail.id }, uniqueKey: `mail:${mail.id}` }, t);
        return { mailId: mail.id };
      };
      const result = tx ? await write(tx) : await db.transaction(write);
      if (!tx) jobs.wake();
      return result;
    },

    /** The development mailbox: kept messages, newest first. */
    mailbox: async (q: { to?: string | undefined; limit: number }) => ({ messages: (await listMail(db, q)).map(toMailItem) }),
  };
};
export type MailService = ReturnType<typeof createMailService>;
