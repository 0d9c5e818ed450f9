import { and, eq } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { organizations, users } from '../schema/index.ts';

export type OrganizationRow = typeof organizations.$inferSelect;

/** Organizations and their users, as the engagement structure needs them (sign-in lives in auth). */
export const organizationsRepository = (db: Db) => ({
  findById: async (organizationId: string, tx: Db = db) => {
    const [row] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
    return row;
  },

  /** True once any organization exists (the demo seeds only an empty database). */
  any: async (tx: Db = db) => (await tx.select({ id: organizations.id }).from(organizations).limit(1)).length > 0,

  /** A user with their organization's name: who signs an invitation e-mail, who accepts one. */
  findUserWithOrganization: async (userId: string, tx: Db = db) => {
    const [row] = await tx
      .select({ email: users.email, displayName: users.displayName, organizationName: organizations.name })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.id, userId));
    return row;
  },

  /** True when the user belongs to the organization. */
  hasUser: async (organizationId: string, userId: string, tx: Db = db) => {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
    return Boolean(row);
  },
});
export type OrganizationsRepository = ReturnType<typeof organizationsRepository>;
