import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { TOrganization, TUser } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { organizations, refreshTokens, users } from '../schema/index.ts';
import { iso } from './time.ts';

export type UserRow = typeof users.$inferSelect;
type OrgRow = typeof organizations.$inferSelect;
export type SignInRow = { user: UserRow; organization: OrgRow };

export const toUser = (u: UserRow): TUser => ({
  id: u.id,
  organizationId: u.organizationId,
  email: u.email,
  displayName: u.displayName,
  orgRole: u.orgRole,
  totpEnabled: u.totpEnabled,
  createdAt: iso(u.createdAt),
});

export const toOrganization = (o: OrgRow): TOrganization => ({ id: o.id, name: o.name, kind: o.kind, createdAt: iso(o.createdAt) });

const withOrganization = (tx: Db) =>
  tx.select({ user: users, organization: organizations }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));

/** Sign-in data: users with their organization, refresh tokens, and the one-time TOTP step. */
export const authRepository = (db: Db) => ({
  findUserByEmail: async ({ email }: { email: string }, tx: Db = db): Promise<SignInRow | undefined> => {
    const [row] = await withOrganization(tx)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      .limit(1);
    return row;
  },

  findUserById: async ({ id }: { id: string }, tx: Db = db): Promise<SignInRow | undefined> => {
    const [row] = await withOrganization(tx).where(eq(users.id, id)).limit(1);
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

  listUsers: ({ organizationId }: { organizationId: string }, tx: Db = db) => tx.select().from(users).where(eq(users.organizationId, organizationId)),

  /** Starts (or restarts) enrollment: a new secret, not yet active. */
  setTotpSecret: async ({ userId, secret }: { userId: string; secret: string }, tx: Db = db) => {
    await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, userId));
  },

  /**
   * Consumes a TOTP time step: succeeds for exactly one caller per step and user, however many
   * race (the row lock of the UPDATE serializes them; the WHERE refuses the same or an older step).
   * `enable` turns two-factor on in the same statement (enrollment confirmation).
   */
  consumeTotpStep: async ({ userId, step, enable = false }: { userId: string; step: number; enable?: boolean }, tx: Db = db): Promise<UserRow | undefined> => {
    const [row] = await tx
      .update(users)
      .set({ totpLastStep: step, ...(enable ? { totpEnabled: true } : {}) })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning();
    return row;
  },

  /** Starts replacing a lost authenticator: the old secret keeps working until the new one is confirmed. */
  setPendingTotpSecret: async ({ userId, secret }: { userId: string; secret: string }, tx: Db = db) => {
    await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
  },

  /**
   * The new authenticator is confirmed: it replaces the old secret in one statement. The step is set
   * without the monotonic check, since steps of the old secret say nothing about the new one; the
   * WHERE on the pending secret makes a second confirmation with the same code find nothing.
   */
  confirmPendingTotp: async ({ userId, secret, step }: { userId: string; secret: string; step: number }, tx: Db = db): Promise<UserRow | undefined> => {
    const [row] = await tx
      .update(users)
      .set({ totpSecret: secret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step })
      .where(and(eq(users.id, userId), eq(users.totpPendingSecret, secret)))
      .returning();
    return row;
  },

  insertRefreshToken: async (values: typeof refreshTokens.$inferInsert, tx: Db = db) => {
    await tx.insert(refreshTokens).values(values);
  },

  /** Locks the token row so two refreshes of the same token cannot both rotate it. */
  findRefreshTokenForUpdate: async ({ tokenHash }: { tokenHash: string }, tx: Db = db) => {
    const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update').limit(1);
    return row;
  },

  markRotated: async ({ id, at }: { id: string; at: string }, tx: Db = db) => {
    await tx.update(refreshTokens).set({ rotatedAt: at }).where(eq(refreshTokens.id, id));
  },

  /** True once logout or reuse detection ended the sign-in: its access tokens stop working too. */
  isFamilyRevoked: async ({ familyId }: { familyId: string }, tx: Db = db): Promise<boolean> => {
    const [row] = await tx
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.familyId, familyId), isNotNull(refreshTokens.revokedAt)))
      .limit(1);
    return row !== undefined;
  },

  /**
   * Ends a sign-in. The notification on `bunkai_sessions` is sent when the transaction commits:
   * every API instance then drops the sid from its session-check cache (apps/api plugins/session-check.ts).
   */
  revokeFamily: async ({ familyId, at }: { familyId: string; at: string }, tx: Db = db) => {
    await tx
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    await tx.execute(sql`select pg_notify('bunkai_sessions', ${familyId})`);
  },
});
export type AuthRepository = ReturnType<typeof authRepository>;
