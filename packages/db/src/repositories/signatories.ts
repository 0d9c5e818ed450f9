import { and, asc, eq } from 'drizzle-orm';
import type { TSignatory } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { signatories, users } from '../schema/index.ts';
import { iso } from './time.ts';

export type SignatoryRow = { s: typeof signatories.$inferSelect; u: typeof users.$inferSelect };

export const toSignatory = ({ s, u }: SignatoryRow): TSignatory => ({
  partyId: s.partyId,
  userId: s.userId,
  displayName: u.displayName,
  email: u.email,
  grantedByUserId: s.grantedByUserId,
  grantedAt: iso(s.createdAt),
});

/** 署名権限: which users sign for a party. */
export const signatoriesRepository = (db: Db) => ({
  /** With each user's name and e-mail, oldest grant first; one user's row when `userId` is given. */
  list: (partyId: string, userId?: string, tx: Db = db): Promise<SignatoryRow[]> =>
    tx
      .select({ s: signatories, u: users })
      .from(signatories)
      .innerJoin(users, eq(users.id, signatories.userId))
      .where(and(eq(signatories.partyId, partyId), userId ? eq(signatories.userId, userId) : undefined))
      .orderBy(asc(signatories.createdAt)),

  /** True when newly granted; false when the user already signed for the party. */
  grant: async (values: { partyId: string; userId: string; grantedByUserId: string }, tx: Db = db) =>
    (await tx.insert(signatories).values(values).onConflictDoNothing().returning()).length > 0,

  /** True when a grant was removed. */
  revoke: async (partyId: string, userId: string, tx: Db = db) =>
    (
      await tx
        .delete(signatories)
        .where(and(eq(signatories.partyId, partyId), eq(signatories.userId, userId)))
        .returning()
    ).length > 0,
});
export type SignatoriesRepository = ReturnType<typeof signatoriesRepository>;
