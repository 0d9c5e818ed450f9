import type { FastifyInstance } from 'fastify';
import type { Member } from '../../src/seed/factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type StructureFactories, createStructureFactories } from '../../src/seed/structure-factories.ts';

/** Who calls in an authorization test; `anonymous` sends no token. */
export const ROLES = ['anonymous', 'outsider', 'observer', 'member', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One engagement with a caller for every engagement role: the hospital admin
 * (owner), a vendor party's admin (member), an observer party's admin, and an
 * organization that is no party at all (outsider). Shared by the structure tests.
 */
export const createWorld = async (app: FastifyInstance, f: StructureFactories = createStructureFactories(app)) => {
  const owner = await f.registerOrganization({ name: '市立みなと病院', kind: 'hospital' });
  const engagement = await f.createEngagement(owner, { title: '電子カルテ更改' });
  const hospitalPartyId = (await f.listParties(owner, engagement.id)).find((p) => p.role === 'hospital')!.id;
  const member = await f.registerOrganization({ name: '電子カルテベンダーA社', kind: 'vendor' });
  const { partyId: memberPartyId } = await f.inviteAndAccept(owner, engagement.id, { role: 'ehr_vendor', displayName: 'A社' }, member);
  const observer = await f.registerOrganization({ name: '監査法人D', kind: 'vendor' });
  const { partyId: observerPartyId } = await f.inviteAndAccept(owner, engagement.id, { role: 'observer', displayName: '監査法人D' }, observer);
  const outsider = await f.registerOrganization({ name: '無関係E社', kind: 'vendor' });
  const callers: Record<Role, Member> = {
    anonymous: { ...outsider, http: createHttpClient(app) },
    outsider,
    observer,
    member,
    owner,
  };
  return { f, engagement, hospitalPartyId, memberPartyId, observerPartyId, owner, member, observer, outsider, callers };
};
export type World = Awaited<ReturnType<typeof createWorld>>;
