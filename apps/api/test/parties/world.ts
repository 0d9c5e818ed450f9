import type { FastifyInstance } from 'fastify';
import { createWorld } from '../../src/seed/world.ts';

/** The callers of the structure tests' authorization tables (roles of the one world vocabulary); `anonymous` sends no token. */
export const ROLES = ['anonymous', 'outsider', 'observer', 'vendor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One blank engagement with a caller for each of ROLES: the hospital admin
 * (owner), the EHR vendor's admin (vendor), an observer party's admin, and an
 * organization that is no party at all (outsider). Shared by the structure tests.
 */
export const structureWorld = async (app: FastifyInstance) => {
  const w = await createWorld(app, {
    roles: ROLES,
    hospital: { name: '市立みなと病院' },
    engagement: { title: '電子カルテ更改' },
    vendor: { partyName: 'A社' },
  });
  return { ...w, vendorPartyId: w.vendorPartyId!, observerPartyId: w.observerPartyId! };
};
export type World = Awaited<ReturnType<typeof structureWorld>>;
