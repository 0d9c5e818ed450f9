import type { FastifyInstance } from 'fastify';
import type { TEngagement, TParty } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { createStructureFactories } from '../../src/seed/structure-factories.ts';

export type RoleWorld = {
  f: ReturnType<typeof createStructureFactories>;
  engagement: TEngagement;
  parties: TParty[];
  /** Admin of the owning hospital: role owner (and member of the hospital party). */
  owner: Member;
  /** Non-admin user of the hospital: member only. */
  hospitalMember: Member;
  /** Admin of the EHR vendor that joined the template's placeholder party: member. */
  vendor: Member;
  /** Admin of an organization invited as an observer party (read-only). */
  observer: Member;
  /** Admin of a hospital that is not a party: must get 404 everywhere. */
  outsider: Member;
};

/** An engagement from the on-prem EHR/VPN template with one user per engagement role, through the real routes. */
export const createRoleWorld = async (app: FastifyInstance, hospitalName = '髙島総合病院'): Promise<RoleWorld> => {
  const f = createStructureFactories(app);
  const owner = await f.registerOrganization({ name: hospitalName, kind: 'hospital' });
  const engagement = await f.createEngagement(owner, { templateCode: 'onprem-ehr-vpn' });
  const hospitalMember = await f.addMember(owner);
  const placeholders = await f.listParties(owner, engagement.id);
  const vendor = await f.registerOrganization({ name: '電子カルテベンダーA社', kind: 'vendor' });
  await f.inviteAndAccept(owner, engagement.id, placeholders.find((p) => p.role === 'ehr_vendor')!.id, vendor);
  const observer = await f.registerOrganization({ name: '監査法人D', kind: 'vendor' });
  await f.inviteAndAccept(owner, engagement.id, { role: 'observer', displayName: '監査法人D' }, observer);
  const outsider = await f.registerOrganization({ name: '別病院', kind: 'hospital' });
  const parties = await f.listParties(owner, engagement.id);
  return { f, engagement, parties, owner, hospitalMember, vendor, observer, outsider };
};
