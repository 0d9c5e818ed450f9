import type { Db } from '@bunkai/db';
import type { Clock } from '../../platform/clock.ts';
import type { MailService, SecurityNoticeKind } from '../mail/index.ts';

export type SecurityNotices = (to: string, kind: SecurityNoticeKind, tx?: Db) => Promise<void>;

/**
 * セキュリティ通知: whoever holds a password and one recovery code can sign, or take over the second
 * factor; the account's owner learns of it by e-mail (queued in the act's transaction when it has one,
 * so a refused act mails nothing).
 */
export const createSecurityNotices =
  ({ mail, clock, publicUrl }: { mail: Pick<MailService, 'enqueueMail'>; clock: Clock; publicUrl: string }): SecurityNotices =>
  async (to, kind, tx) => {
    await mail.enqueueMail({ to, template: 'securityNotice', data: { kind, at: clock.now().toISOString(), accountUrl: `${publicUrl.replace(/\/+$/, '')}/account` } }, tx);
  };
