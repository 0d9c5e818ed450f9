import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type TAccountEvent, type TAccountEventType, type TMemberInvitation, invitationStatus } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { accountEvents, memberInvitations, organizations } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type MemberInvitationRow = typeof memberInvitations.$inferSelect;

export const toMemberInvitation = (r: MemberInvitationRow, now: Date): TMemberInvitation => ({
  id: r.id,
  email: r.email,
  orgRole: r.orgRole,
  status: invitationStatus(r, now),
  expiresAt: iso(r.expiresAt),
  sentAt: iso(r.sentAt),
  acceptedAt: isoOrNull(r.acceptedAt),
  revokedAt: isoOrNull(r.revokedAt),
  createdByUserId: r.createdByUserId,
  createdAt: iso(r.createdAt),
});

/** メンバー招待. Only the SHA-256 of a token is stored; callers hash before asking. */
export const memberInvitationsRepository = (db: Db) => ({
  insert: async (values: typeof memberInvitations.$inferInsert, tx: Db = db) => {
    const [row] = await tx.insert(memberInvitations).values(values).returning();
    return row!;
  },

  /** Newest first. */
  listByOrganization: (organizationId: string, tx: Db = db) =>
    tx.select().from(memberInvitations).where(eq(memberInvitations.organizationId, organizationId)).orderBy(desc(memberInvitations.createdAt)),

  /** Not accepted or revoked invitations for the address (case-insensitive), expired ones included. */
  openFor: (organizationId: string, email: string, tx: Db = db) =>
    tx
      .select()
      .from(memberInvitations)
      .where(
        and(
          eq(memberInvitations.organizationId, organizationId),
          sql`lower(${memberInvitations.email}) = ${email.toLowerCase()}`,
          isNull(memberInvitations.acceptedAt),
          isNull(memberInvitations.revokedAt),
        ),
      ),

  /** Locked, and only within the organization: another organization's invitation is not found. */
  lockInOrganization: async (organizationId: string, id: string, tx: Db = db) => {
    const [row] = await tx
      .select()
      .from(memberInvitations)
      .where(and(eq(memberInvitations.id, id), eq(memberInvitations.organizationId, organizationId)))
      .for('update');
    return row;
  },

  /** Locked: two accepts of one link take turns, the second sees it used. */
  lockByTokenHash: async (tokenHash: string, tx: Db = db) => {
    const [row] = await tx.select().from(memberInvitations).where(eq(memberInvitations.tokenHash, tokenHash)).for('update');
    return row;
  },

  findPreviewByTokenHash: async (tokenHash: string, tx: Db = db) => {
    const [row] = await tx
      .select({ invitation: memberInvitations, organizationName: organizations.name })
      .from(memberInvitations)
      .innerJoin(organizations, eq(organizations.id, memberInvitations.organizationId))
      .where(eq(memberInvitations.tokenHash, tokenHash));
    return row;
  },

  /** Resend: a new token (the old link stops working) and a new deadline. */
  renew: async (id: string, values: { tokenHash: string; expiresAt: string; sentAt: string }, tx: Db = db) => {
    const [row] = await tx.update(memberInvitations).set(values).where(eq(memberInvitations.id, id)).returning();
    return row!;
  },

  markRevoked: async (id: string, at: Date, tx: Db = db) => {
    const [row] = await tx.update(memberInvitations).set({ revokedAt: at.toISOString() }).where(eq(memberInvitations.id, id)).returning();
    return row!;
  },

  markAccepted: async (id: string, userId: string, at: Date, tx: Db = db) => {
    await tx.update(memberInvitations).set({ acceptedAt: at.toISOString(), acceptedUserId: userId }).where(eq(memberInvitations.id, id));
  },
});
export type MemberInvitationsRepository = ReturnType<typeof memberInvitationsRepository>;

type AccountEventInsert = {
  organizationId: string;
  type: TAccountEventType;
  actorUserId: string | null;
  subjectUserId: string | null;
  payload?: Record<string, unknown>;
  at: string;
};

/** アカウント監査ログ: appended in the acting transaction, read newest first by the organization's admins. */
export const accountEventsRepository = (db: Db) => ({
  append: async (values: AccountEventInsert, tx: Db = db) => {
    await tx.insert(accountEvents).values({ ...values, payload: values.payload ?? {} });
  },

  list: async ({ organizationId, limit }: { organizationId: string; limit: number }, tx: Db = db): Promise<TAccountEvent[]> => {
    const rows = await tx
      .select()
      .from(accountEvents)
      .where(eq(accountEvents.organizationId, organizationId))
      .orderBy(desc(accountEvents.at), desc(accountEvents.seq))
      .limit(limit);
    return rows.map((r) => ({ id: r.id, type: r.type, actorUserId: r.actorUserId, subjectUserId: r.subjectUserId, payload: r.payload, at: iso(r.at) }));
  },
});
export type AccountEventsRepository = ReturnType<typeof accountEventsRepository>;
