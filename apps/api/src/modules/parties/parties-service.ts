import {
  type TCreatePartyRequest,
  type TUpdatePartyRequest,
  conflict,
  forbidden,
  isDomainError,
  notFound,
  validationError,
} from '@bunkai/domain';
import { type Db, type PartyRow, organizationsRepository, partiesRepository, signatoriesRepository, toParty, toSignatory } from '@bunkai/db';
import { type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent } from '../events/index.ts';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService };

/** Fields a party's own members may change on their party (連絡体制 and 契約番号). */
const OWN_PARTY_FIELDS = new Set(['contractReference', 'normalContacts', 'emergencyContacts']);

/** Signatory rights are managed only by an admin of the organization that is the party. */
const assertPartyAdmin = (actor: Actor, party: PartyRow) => {
  if (party.organizationId !== actor.organizationId || actor.orgRole !== 'admin')
    throw forbidden('party_admin_only', `Only an administrator of the organization that is party ${party.id} may manage its signatories.`);
};

export const createPartiesService = ({ db, access }: Deps) => {
  const partiesRepo = partiesRepository(db);
  const signatoriesRepo = signatoriesRepository(db);
  const organizationsRepo = organizationsRepository(db);

  /**
   * Loads a party through its engagement: a party in an engagement the caller
   * cannot see is "not found" under its own id (the engagement is not named).
   */
  const loadParty = async (actor: Actor, partyId: string, tx: Db) => {
    const row = await partiesRepo.findById(partyId, {}, tx);
    if (!row) throw notFound('Party', partyId);
    try {
      return { row, a: await access.load(actor, row.engagementId, tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Party', partyId);
      throw e;
    }
  };

  return {
    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'engagement:read');
      return { parties: (await partiesRepo.listByEngagement(engagementId)).map(toParty) };
    },

    /** A placeholder party (no organization until an invitation is accepted). */
    create: async (actor: Actor, engagementId: string, input: TCreatePartyRequest) => {
      const row = await db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'party:manage', tx);
        const created = await partiesRepo.insert({ engagementId, ...input, position: await partiesRepo.nextPosition(engagementId, tx) }, tx);
        await recordEvent(tx, a, { type: 'party.created', subjectId: created.id, payload: { role: input.role, displayName: input.displayName } });
        return created;
      });
      return { party: toParty(row) };
    },

    /** The owner may change any party; a party's own members only their contacts and contract reference. */
    update: async (actor: Actor, partyId: string, input: TUpdatePartyRequest) => {
      const row = await db.transaction(async (tx) => {
        const { row: current, a } = await loadParty(actor, partyId, tx);
        // Only the fields sent are present (the request schema leaves absent fields out).
        const { version, ...changes } = input;
        if (!a.roles.includes('owner')) {
          assertPermission(a, 'party:update-own');
          if (a.party?.id !== current.id) throw forbidden('not_own_party', `Only the engagement owner may change party ${partyId}; you may change your own party.`);
          const denied = Object.keys(changes).filter((k) => !OWN_PARTY_FIELDS.has(k));
          if (denied.length)
            throw forbidden('owner_only_fields', `Only the engagement owner may change ${denied.join(', ')}; you may change contacts and the contract reference.`);
        }
        if (current.role === 'hospital' && changes.role !== undefined)
          throw validationError('hospital_role_fixed', 'The hospital party keeps its role.');
        const updated = await partiesRepo.updateVersioned(partyId, version, changes, tx);
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
      return { signatories: (await signatoriesRepo.list(partyId)).map(toSignatory) };
    },

    /** Grants 署名権限 to a user of the party's own organization (idempotent: no new event when already granted). */
    grantSignatory: async (actor: Actor, partyId: string, userId: string) =>
      db.transaction(async (tx) => {
        const { row: party, a } = await loadParty(actor, partyId, tx);
        assertPartyAdmin(actor, party);
        if (party.role === 'observer') throw conflict('observer_cannot_sign', `Party ${partyId} is an observer; observers do not sign.`);
        if (!(await organizationsRepo.hasUser(actor.organizationId, userId, tx))) throw notFound('User', userId);
        if (await signatoriesRepo.grant({ partyId, userId, grantedByUserId: actor.userId }, tx))
          await recordEvent(tx, a, { type: 'signatory.granted', subjectId: partyId, payload: { partyId, userId } });
        const [sig] = await signatoriesRepo.list(partyId, userId, tx);
        return { signatory: toSignatory(sig!) };
      }),

    revokeSignatory: async (actor: Actor, partyId: string, userId: string) =>
      db.transaction(async (tx) => {
        const { row: party, a } = await loadParty(actor, partyId, tx);
        assertPartyAdmin(actor, party);
        if (!(await signatoriesRepo.revoke(partyId, userId, tx))) throw notFound('Signatory', userId);
        await recordEvent(tx, a, { type: 'signatory.revoked', subjectId: partyId, payload: { partyId, userId } });
      }),
  };
};
export type PartiesService = ReturnType<typeof createPartiesService>;
