import { desc, eq } from 'drizzle-orm';
import { type TInvitation, invitationStatus } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { engagements, invitations, organizations, parties } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationInsert = typeof invitations.$inferInsert;

/** The status depends on the time of asking, so the caller passes its clock's now. */
export const toInvitation = (r: InvitationRow, now: Date): TInvitation => ({
  id: r.id,
  engagementId: r.engagementId,
  partyId: r.partyId,
  email: r.email,
  acceptBy: r.acceptBy,
  status: invitationStatus(r, now),
  expiresAt: iso(r.expiresAt),
  acceptedAt: isoOrNull(r.acceptedAt),
  acceptedByOrganizationId: r.acceptedByOrganizationId,
  revokedAt: isoOrNull(r.revokedAt),
  createdByUserId: r.createdByUserId,
  createdAt: iso(r.createdAt),
});

/** 招待. Only the SHA-256 of a token is stored; callers hash before asking. */
export const invitationsRepository = (db: Db) => ({
  insert: async (values: InvitationInsert, tx: Db = db) => {
    const [row] = await tx.insert(invitations).values(values).returning();
    return row!;
  },

  /** Newest first. */
  listByEngagement: (engagementId: string, tx: Db = db) =>
    tx.select().from(invitations).where(eq(invitations.engagementId, engagementId)).orderBy(desc(invitations.createdAt)),

  /** Locked: revoking and accepting one invitation take turns. */
  lockById: async (invitationId: string, tx: Db = db) => {
    const [row] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for('update');
    return row;
  },

  /** Locked: two simultaneous accepts of one link take turns, the second sees it used. */
  lockByTokenHash: async (tokenHash: string, tx: Db = db) => {
    const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
    return row;
  },

  /** The invitation with what its public page names: the engagement, the hospital and the party. */
  findPreviewByTokenHash: async (tokenHash: string, tx: Db = db) => {
    const [row] = await tx
      .select({ invitation: invitations, engagementTitle: engagements.title, hospitalName: organizations.name, party: parties })
      .from(invitations)
      .innerJoin(engagements, eq(engagements.id, invitations.engagementId))
      .innerJoin(organizations, eq(organizations.id, engagements.ownerOrganizationId))
      .innerJoin(parties, eq(parties.id, invitations.partyId))
      .where(eq(invitations.tokenHash, tokenHash));
    return row;
  },

  markRevoked: async (invitationId: string, at: Date, tx: Db = db) => {
    const [row] = await tx.update(invitations).set({ revokedAt: at.toISOString() }).where(eq(invitations.id, invitationId)).returning();
    return row!;
  },

  markAccepted: (invitationId: string, organizationId: string, at: Date, tx: Db = db) =>
    tx.update(invitations).set({ acceptedAt: at.toISOString(), acceptedByOrganizationId: organizationId }).where(eq(invitations.id, invitationId)),
});
export type InvitationsRepository = ReturnType<typeof invitationsRepository>;
