import {
  type TEngagementPermission,
  type TEngagementRole,
  ZId,
  conflict,
  forbidden,
  hasEngagementPermission,
  isAllowedWhenArchived,
  notFound,
} from '@bunkai/domain';
import { type Db, type EngagementRow, type PartyRow, engagementsRepository } from '@bunkai/db';
import type { Actor } from '../plugins/auth.ts';

export type { EngagementRow, PartyRow };

/** What the caller is in one engagement: its party (if any) and its roles. */
export type EngagementAccess = {
  actor: Actor;
  engagement: EngagementRow;
  /** The caller's own party; null only for an owner whose organization holds no party. */
  party: PartyRow | null;
  roles: TEngagementRole[];
};

/**
 * The caller's roles from the engagement, the caller's party in it (if any) and
 * whether the caller signs for that party; null when the caller has no part in it.
 */
export const accessOf = (actor: Actor, engagement: EngagementRow, party: PartyRow | null, signatory: boolean): EngagementAccess | null => {
  const roles: TEngagementRole[] = [];
  if (engagement.ownerOrganizationId === actor.organizationId && actor.orgRole === 'admin') roles.push('owner');
  if (party) {
    if (party.role === 'observer') roles.push('observer');
    else {
      roles.push('member');
      if (signatory) roles.push('signatory');
    }
  }
  return roles.length ? { actor, engagement, party, roles } : null;
};

export const createEngagementAccess = (db: Db) => {
  const engagementsRepo = engagementsRepository(db);
  /** Resolves the caller's roles; an engagement the caller has no part in is "not found". */
  const load = async (actor: Actor, engagementId: string, tx: Db = db): Promise<EngagementAccess> => {
    if (!ZId.safeParse(engagementId).success) throw notFound('Engagement', engagementId);
    const row = await engagementsRepo.findWithCallerParty(engagementId, actor, tx);
    const access = row ? accessOf(actor, row.engagement, row.party, row.signatory) : null;
    if (!access) throw notFound('Engagement', engagementId);
    return access;
  };

  const require = async (actor: Actor, engagementId: string, permission: TEngagementPermission, tx: Db = db) => {
    const access = await load(actor, engagementId, tx);
    assertPermission(access, permission);
    return access;
  };

  return { load, require };
};
export type EngagementAccessService = ReturnType<typeof createEngagementAccess>;

/** The role must allow the permission (403); an archived engagement is read-only apart from unarchiving it (409). */
export const assertPermission = (access: EngagementAccess, permission: TEngagementPermission) => {
  if (!hasEngagementPermission(access.roles, permission))
    throw forbidden('forbidden', `Your role in this engagement (${access.roles.join(', ')}) does not allow ${permission}.`);
  if (access.engagement.archivedAt && !isAllowedWhenArchived(permission))
    throw conflict('engagement_archived', `Engagement ${access.engagement.id} is archived; unarchive it before changing it.`);
};

/** The caller's party, required for acting "for itself" (proposing, accepting, commenting). */
export const ownParty = (access: EngagementAccess): PartyRow => {
  if (!access.party) throw forbidden('no_party', 'Your organization is not a party to this engagement, so it cannot act in it.');
  return access.party;
};
