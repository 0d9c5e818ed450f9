import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, authThrottle, organizations, refreshTokens, users } from '@bunkai/db';

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;

export const createAuthRepository = (db: Db) => ({
  findUserByEmail: async (email: string, tx: Db = db) => {
    const [row] = await tx
      .select({ user: users, organization: organizations })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      .limit(1);
    return row;
  },
  findUserById: async (id: string, tx: Db = db) => {
    const [row] = await tx
      .select({ user: users, organization: organizations })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.id, id))
      .limit(1);
    return row;
  },
  insertOrganization: async (values: typeof organizations.$inferInsert, tx: Db = db) => {
    const [row] = await tx.insert(organizations).values(values).returning();
    return row!;
  },
  insertUser: async (values: typeof users.$inferInsert, tx: Db = db) => {
    const [row] = await tx.insert(users).values(values).returning();
    return row!;
  },
  listUsers: (organizationId: string, tx: Db = db) => tx.select().from(users).where(eq(users.organizationId, organizationId)),
  updateUser: async (id: string, values: Partial<typeof users.$inferInsert>, tx: Db = db) => {
    const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
    return row;
  },
  insertRefreshToken: (values: typeof refreshTokens.$inferInsert, tx: Db = db) => tx.insert(refreshTokens).values(values),
  /** Locks the token row so two refreshes of the same token cannot both rotate it. */
  findRefreshTokenForUpdate: async (tokenHash: string, tx: Db = db) => {
    const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update').limit(1);
    return row;
  },
  markRotated: (id: string, tx: Db = db) =>
    tx.update(refreshTokens).set({ rotatedAt: new Date().toISOString() }).where(eq(refreshTokens.id, id)),
  revokeFamily: (familyId: string, tx: Db = db) =>
    tx
      .update(refreshTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt))),
  /** Fixed-window counter shared by every API instance; returns the count after incrementing. */
  bumpThrottle: async (key: string, windowSeconds: number, tx: Db = db): Promise<number> => {
    const [row] = await tx
      .insert(authThrottle)
      .values({ key, windowStart: sql`now()`, count: 1 })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          count: sql`case when ${authThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${authThrottle.count} + 1 end`,
          windowStart: sql`case when ${authThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then now() else ${authThrottle.windowStart} end`,
        },
      })
      .returning({ count: authThrottle.count });
    return row?.count ?? 1;
  },
  readThrottle: async (key: string, windowSeconds: number, tx: Db = db): Promise<number> => {
    const [row] = await tx
      .select({ count: authThrottle.count })
      .from(authThrottle)
      .where(and(eq(authThrottle.key, key), sql`${authThrottle.windowStart} >= now() - make_interval(secs => ${windowSeconds})`));
    return row?.count ?? 0;
  },
  clearThrottle: (key: string, tx: Db = db) => tx.delete(authThrottle).where(eq(authThrottle.key, key)),
});
export type AuthRepository = ReturnType<typeof createAuthRepository>;
