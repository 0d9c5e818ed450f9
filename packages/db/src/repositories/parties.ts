import type { TParty } from '@bunkai/domain';
import type { parties } from '../schema/index.ts';

export type PartyRow = typeof parties.$inferSelect;

export const toParty = (r: PartyRow): TParty => ({
  id: r.id,
  engagementId: r.engagementId,
  organizationId: r.organizationId,
  role: r.role as TParty['role'],
  displayName: r.displayName,
  contractReference: r.contractReference,
  normalContacts: r.normalContacts,
  emergencyContacts: r.emergencyContacts,
  position: r.position,
  version: r.version,
});
