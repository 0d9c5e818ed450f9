import { z } from 'zod';
import { PARTY_ROLES } from './enums.ts';
import { LIMITS, ZEmail, ZId, ZName, ZShortText, ZVersion } from './primitives.ts';

/** One line of the 連絡体制 (contact chart). */
export const ZContact = z.object({
  name: ZName,
  phone: z.string().trim().max(LIMITS.phone).default(''),
  email: z.union([ZEmail, z.literal('')]).default(''),
  /** Hours the contact is reachable, e.g. 「平日 9:00-17:00」 or 「24時間365日」. */
  hours: z.string().trim().max(LIMITS.name).default(''),
});
export type TContact = z.infer<typeof ZContact>;

/** 当事者: an organization in an engagement with a role. */
export const ZParty = z.object({
  id: ZId,
  engagementId: ZId,
  /** Null until an invited organization accepts (template placeholders). */
  organizationId: ZId.nullable(),
  role: z.enum(PARTY_ROLES),
  displayName: ZName,
  contractReference: ZShortText,
  normalContacts: z.array(ZContact).max(20),
  emergencyContacts: z.array(ZContact).max(20),
  /** Display order in the matrix and the annex. */
  position: z.number().int().min(0),
  version: ZVersion,
});
export type TParty = z.infer<typeof ZParty>;
