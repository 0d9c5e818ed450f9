import { and, asc, eq, sql } from 'drizzle-orm';
import {
  type TCreatePartyRequest,
  type TSignatory,
  type TUpdatePartyRequest,
  conflict,
  forbidden,
  isDomainError,
  notFound,
  validationError,
} from '@bunkai/domain';
import { type Db, parties, signatories, users } from '@bunkai/db';
import { type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent } from '../events/index.ts';
import { toParty } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService };
type PartyRow = typeof parties.$inferSelect;

/** Fields a party's own members may change on their party (連絡体制 and 契約番号). */
const OWN_PARTY_FIELDS = new Set(['contractReference', 'normalContacts', 'emergencyContacts']);

/** Next display position after every existing party of the engagement. */
export const nextPartyPosition = async (tx: Db, engagementId: string): Promise<number> => {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${parties.position}), -1)::int + 1` })
    .from(parties)
    .where(eq(parties.engagementId, engagementId));
  return Number(row?.next ?? 0);
};

export const createPartiesService = ({ db, access }: Deps) => {
  /**
   * Loads a party through its engagement: a party in an engagement the caller
   * cannot see is "not found" under its own id (the engagement is not named).
   */
  const loadParty = async (actor: Actor, partyId: string, tx: Db) => {
    const [row] = await tx.select().from(parties).where(eq(parties.id, partyId));
    if (!row) throw notFound('Party', partyId);
    try {
      return { row, a: await access.load(actor, row.engagementId, tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Party', partyId);
      throw e;
    }
  };

  /** Signatory rights are managed only by an admin of the organization that is the party. */
  const assertPartyAdmin = (actor: Actor, party: PartyRow) => {
    if (party.organizationId !== actor.organizationId || actor.orgRole !== 'admin')
      throw forbidden('party_admin_only', `Only an administrator of the organization that is party ${party.id} may manage its signatories.`);
  };

  const signatoryRows = (tx: Db, partyId: string, userId?: string) =>
    tx
      .select({ s: signatories, u: users })
      .from(signatories)
      .innerJoin(users, eq(users.id, signatories.userId))
      .where(and(eq(signatories.partyId, partyId), userId ? eq(signatories.userId, userId) : undefined))
      .orderBy(asc(signatories.createdAt));

  const toSignatory = ({ s, u }: { s: typeof signatories.$inferSelect; u: typeof users.$inferSelect }): TSignatory => ({
    partyId: s.partyId,
    userId: s.userId,
    displayName: u.displayName,
    email: u.email,
    grantedByUserId: s.grantedByUserId,
    grantedAt: new Date(s.createdAt).toISOString(),
  });

  return {
    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'engagement:read');
      const rows = await db.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt));
      return { parties: rows.map(toParty) };
    },

    /** A placeholder party (no organization until an invitation is accepted). */
    create: async (actor: Actor, engagementId: string, input: TCreatePartyRequest) => {
      const row = await db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'party:manage', tx);
        const [created] = await tx
          .insert(parties)
          .values({ engagementId, ...input, position: await nextPartyPosition(tx, engagementId) })
          .returning();
        await recordEvent(tx, a, { type: 'party.created', subjectId: created!.id, payload: { role: input.role, displayName: input.displayName } });
        return created!;
      });
      return { party: toParty(row) };
    },

    /** The owner may change any party; a party's own members only their contacts and contract reference. */
    update: async (actor: Actor, partyId: string, input: TUpdatePartyRequest) => {
      const row = await db.transaction(async (tx) => {
        const { row: current, a } = await loadParty(actor, partyId, tx);
        const { version, ...fields } = input;
        const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        if (!a.roles.includes('owner')) {
          assertPermission(a, 'party:update-own');
          if (a.party?.id !== current.id) throw forbidden('not_own_party', `Only the engagement owner may change party ${partyId}; you may change your own party.`);
          const denied = Object.keys(changes).filter((k) => !OWN_PARTY_FIELDS.has(k));
          if (denied.length)
            throw forbidden('owner_only_fields', `Only the engagement owner may change ${denied.join(', ')}; you may change contacts and the contract reference.`);
        }
        if (current.role === 'hospital' && changes.role !== undefined)
          throw validationError('hospital_role_fixed', 'The hospital party keeps its role.');
        const [updated] = await tx
          .update(parties)
          .set({ ...changes, version: sql`${parties.version} + 1` })
          .where(and(eq(parties.id, partyId), eq(parties.version, version)))
          .returning();
        if (!updated)
          throw conflict('stale_version', `Party ${partyId} was changed by someone else (you sent version ${version}); reload it.`, { current: toParty(current) });
        await recordEvent(tx, a, { type: 'party.updated', subjectId: partyId, payload: { changes } });
        return updated;
      });
      return { party: toParty(row) };
    },

    listSignatories: async (actor: Actor, partyId: string) => {
      const { a } = await loadParty(actor, partyId, db);
      assertPermission(a, 'engagement:read');
      return { signatories: (await signatoryRows(db, partyId)).map(toSignatory) };
    },

    /** Grants 署名権限 to a user of the party's own organization (idempotent: no new event when already granted). */
    grantSignatory: async (actor: Actor, partyId: string, userId: string) =>
      db.transaction(async (tx) => {
        const { row: party, a } = await loadParty(actor, partyId, tx);
        assertPartyAdmin(actor, party);
        if (party.role === 'observer') throw conflict('observer_cannot_sign', `Party ${partyId} is an observer; observers do not sign.`);
        const [user] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, userId), eq(users.organizationId, actor.organizationId)));
        if (!user) throw notFound('User', userId);
        const inserted = await tx.insert(signatories).values({ partyId, userId, grantedByUserId: actor.userId }).onConflictDoNothing().returning();
        if (inserted.length) await recordEvent(tx, a, { type: 'signatory.granted', subjectId: partyId, payload: { partyId, userId } });
        const [sig] = await signatoryRows(tx, partyId, userId);
        return { signatory: toSignatory(sig!) };
      }),

    revokeSignatory: async (actor: Actor, partyId: string, userId: string) =>
      db.transaction(async (tx) => {
        const { row: party, a } = await loadParty(actor, partyId, tx);
        assertPartyAdmin(actor, party);
        const deleted = await tx
          .delete(signatories)
          .where(and(eq(signatories.partyId, partyId), eq(signatories.userId, userId)))
          .returning();
        if (!deleted.length) throw notFound('Signatory', userId);
        await recordEvent(tx, a, { type: 'signatory.revoked', subjectId: partyId, payload: { partyId, userId } });
      }),
  };
};
export type PartiesService = ReturnType<typeof createPartiesService>;
