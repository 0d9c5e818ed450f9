import { and, count, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { recoveryCodes } from '../schema/index.ts';

/** Two-factor recovery codes, stored as hashes (the API hashes; this layer never sees a code). */
export const recoveryCodesRepository = (db: Db) => ({
  /** Replaces the user's whole set (old codes stop working at once). */
  replaceForUser: async ({ userId, hashes }: { userId: string; hashes: readonly string[] }, tx: Db = db) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (hashes.length) await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  },

  /** Spends one unused code in one conditional UPDATE, so two sign-ins cannot both use it; false when none matched. */
  consume: async ({ userId, codeHash, at }: { userId: string; codeHash: string; at: string }, tx: Db = db) => {
    const rows = await tx
      .update(recoveryCodes)
      .set({ usedAt: at })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return rows.length === 1;
  },

  /** True while the code is unused (a pre-check; spending is `consume`, inside the act's transaction). */
  isUnused: async ({ userId, codeHash }: { userId: string; codeHash: string }, tx: Db = db) => {
    const rows = await tx
      .select({ id: recoveryCodes.id })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)));
    return rows.length === 1;
  },

  /** How many codes are left unused, and when the set was made (null without a set). */
  status: async ({ userId }: { userId: string }, tx: Db = db) => {
    const [all] = await tx.select({ n: count(), at: max(recoveryCodes.createdAt) }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const [unused] = await tx
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return { remaining: unused?.n ?? 0, total: all?.n ?? 0, generatedAt: all?.at ?? null };
  },
});
export type RecoveryCodesRepository = ReturnType<typeof recoveryCodesRepository>;
