import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { mailOutbox } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type MailRow = typeof mailOutbox.$inferSelect;
export type NewMail = Pick<MailRow, 'to' | 'template' | 'lang' | 'subject' | 'text' | 'html'>;

/** A kept message as the development mailbox shows it. */
export type MailItem = Omit<MailRow, 'createdAt' | 'sentAt'> & { createdAt: string; sentAt: string | null };

export const toMailItem = (r: MailRow): MailItem => ({ ...r, createdAt: iso(r.createdAt), sentAt: isoOrNull(r.sentAt) });

export const insertMail = async (db: Db, mail: NewMail): Promise<MailRow> => (await db.insert(mailOutbox).values(mail).returning())[0]!;

export const findMail = async (db: Db, id: string): Promise<MailRow | null> => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0] ?? null;

export const markMail = async (db: Db, id: string, change: { status: MailRow['status']; at: Date; messageId?: string | null; lastError?: string | null }) => {
  await db
    .update(mailOutbox)
    .set({
      status: change.status,
      sentAt: change.status === 'sent' || change.status === 'stored' ? change.at.toISOString() : null,
      ...(change.messageId !== undefined ? { messageId: change.messageId } : {}),
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
    })
    .where(eq(mailOutbox.id, id));
};

/** Newest first, optionally for one recipient (case-insensitive). */
export const listMail = async (db: Db, args: { to?: string | undefined; limit: number }): Promise<MailRow[]> =>
  db
    .select()
    .from(mailOutbox)
    .where(args.to ? sql`lower(${mailOutbox.to}) = lower(${args.to})` : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(args.limit);
