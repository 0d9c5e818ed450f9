import { z } from 'zod';
import { ORGANIZATION_KINDS } from './enums.ts';
import { ZDateTime, ZEmail, ZId, ZName } from './primitives.ts';

export const ZOrganization = z.object({
  id: ZId,
  name: ZName,
  kind: z.enum(ORGANIZATION_KINDS),
  createdAt: ZDateTime,
});
export type TOrganization = z.infer<typeof ZOrganization>;

/** Roles inside one's own organization; engagement roles live on the party. */
export const ORG_ROLES = ['admin', 'member'] as const;

export const ZUser = z.object({
  id: ZId,
  organizationId: ZId,
  email: ZEmail,
  displayName: ZName,
  orgRole: z.enum(ORG_ROLES),
  totpEnabled: z.boolean(),
  createdAt: ZDateTime,
});
export type TUser = z.infer<typeof ZUser>;
