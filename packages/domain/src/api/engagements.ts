import { z } from 'zod';
import { ZEngagement, ZEngagementContract } from '../model/engagement.ts';
import { PROVISION_PATTERNS, SERVICE_MODELS } from '../model/enums.ts';
import { ZParty } from '../model/party.ts';
import { ZName, ZText, ZVersion } from '../model/primitives.ts';
import type { TEngagementRole } from '../access/permissions.ts';
import { ENGAGEMENT_ROLES } from '../access/permissions.ts';

export const ZCreateEngagementRequest = z.object({
  title: ZName,
  systemName: ZName,
  description: ZText.default(''),
  serviceModel: z.enum(SERVICE_MODELS).optional(),
  provisionPattern: z.enum(PROVISION_PATTERNS).optional(),
  /** Catalog template code: creates placeholder parties, assets, duties and suggested proposals. */
  templateCode: z.string().trim().min(1).max(80).optional(),
  requireTwoFactorToSign: z.boolean().default(true),
});
export type TCreateEngagementRequest = z.infer<typeof ZCreateEngagementRequest>;

export const ZUpdateEngagementRequest = z.object({
  version: ZVersion,
  title: ZName.optional(),
  systemName: ZName.optional(),
  description: ZText.optional(),
  serviceModel: z.enum(SERVICE_MODELS).optional(),
  provisionPattern: z.enum(PROVISION_PATTERNS).optional(),
  requireTwoFactorToSign: z.boolean().optional(),
  reminders: ZEngagement.shape.reminders,
  archived: z.boolean().optional(),
  /** 主契約 printed on the annex cover; null clears it. */
  contract: ZEngagementContract.nullable().optional(),
});
export type TUpdateEngagementRequest = z.infer<typeof ZUpdateEngagementRequest>;

export const ZEngagementSummary = ZEngagement.extend({
  myRoles: z.array(z.enum(ENGAGEMENT_ROLES)),
  myPartyId: z.uuid().nullable(),
  progress: z.object({ total: z.number().int(), agreed: z.number().int(), notApplicable: z.number().int() }),
  blockingFindings: z.number().int(),
  /** Inbox items waiting for the caller's party (GET /me/inbox); in the engagement list only. */
  waiting: z.number().int().min(0).optional(),
  parties: z.array(ZParty.pick({ id: true, role: true, displayName: true, organizationId: true })),
});
export type TEngagementSummary = z.infer<typeof ZEngagementSummary>;
export type { TEngagementRole };

/** Party, asset and duty DTOs live in ./structure.ts. */
