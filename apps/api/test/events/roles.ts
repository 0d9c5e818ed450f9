import type { FastifyInstance } from 'fastify';
import { createWorld } from '../../src/seed/world.ts';

/**
 * An engagement from the on-prem EHR/VPN template with the owner, a non-admin
 * hospital user, the EHR vendor (joined into the template's placeholder party),
 * an observer party and an outsider hospital, through the real routes.
 */
export const templateWorld = (app: FastifyInstance, hospitalName = '髙島総合病院') =>
  createWorld(app, {
    roles: ['owner', 'hospitalMember', 'vendor', 'observer', 'outsider'],
    hospital: { name: hospitalName },
    engagement: { templateCode: 'onprem-ehr-vpn' },
    outsider: { name: '別病院', kind: 'hospital' },
  });
export type TemplateWorld = Awaited<ReturnType<typeof templateWorld>>;
