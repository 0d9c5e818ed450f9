import { createContext, useContext } from 'react';
import { hasEngagementPermission, isAllowedWhenArchived, type TEngagementPermission, type TEngagementSummary, type TParty } from '@bunkai/domain';

/** The engagement every tab works in, with the caller's party and a permission check from the shared table. */
export type EngagementCtx = {
  engagement: TEngagementSummary;
  parties: TParty[];
  myPartyId: string | null;
  can: (p: TEngagementPermission) => boolean;
  partyName: (id: string | null | undefined) => string;
};

export const EngagementContext = createContext<EngagementCtx | null>(null);

export const makeEngagementCtx = (engagement: TEngagementSummary, parties: TParty[]): EngagementCtx => {
  const byId = new Map(parties.map((p) => [p.id, p]));
  return {
    engagement,
    parties: [...parties].sort((a, b) => a.position - b.position),
    myPartyId: engagement.myPartyId,
    // As the API decides: the role must allow it, and an archived engagement is read-only.
    can: (p) => hasEngagementPermission(engagement.myRoles, p) && (!engagement.archivedAt || isAllowedWhenArchived(p)),
    partyName: (id) => (id ? (byId.get(id)?.displayName ?? '—') : '—'),
  };
};

export const useEngagement = (): EngagementCtx => {
  const v = useContext(EngagementContext);
  if (!v) throw new Error('useEngagement outside an engagement');
  return v;
};
