import { z } from 'zod';
import { ENGAGEMENT_STATUSES, PROVISION_PATTERNS, SERVICE_MODELS } from './enums.ts';
import { ZDateTime, ZId, ZName, ZText, ZVersion } from './primitives.ts';

/** 協議案件: one negotiation about one system or service, owned by a hospital. */
export const ZEngagement = z.object({
  id: ZId,
  ownerOrganizationId: ZId,
  title: ZName,
  systemName: ZName,
  description: ZText,
  serviceModel: z.enum(SERVICE_MODELS),
  provisionPattern: z.enum(PROVISION_PATTERNS),
  status: z.enum(ENGAGEMENT_STATUSES),
  /** Signatories must have TOTP enrolled before they can sign. */
  requireTwoFactorToSign: z.boolean(),
  /**
   * Reminders (督促) of consents still waiting: first after `firstAfterDays`, then every
   * `everyDays`, at most `maxCount` (0: none). Always present in answers; optional in the type
   * for clients built before it.
   */
  reminders: z
    .object({ firstAfterDays: z.number().int().min(1).max(90), everyDays: z.number().int().min(1).max(90), maxCount: z.number().int().min(0).max(20) })
    .optional(),
  catalogVersion: z.string().max(40).nullable(),
  templateCode: z.string().max(80).nullable(),
  archivedAt: ZDateTime.nullable(),
  version: ZVersion,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TEngagement = z.infer<typeof ZEngagement>;
