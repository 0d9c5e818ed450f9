import { z } from 'zod';
import { ENGAGEMENT_STATUSES, PROVISION_PATTERNS, SERVICE_MODELS } from './enums.ts';
import { ZDate, ZDateTime, ZId, ZName, ZText, ZVersion } from './primitives.ts';

/** 甲・乙・丙…: how the main contract names each party. */
export const CONTRACT_DESIGNATIONS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'] as const;
/** Which document prevails when the main contract and this annex disagree (優先関係). */
export const CONTRACT_PREVAILS = ['main_contract', 'annex'] as const;

/**
 * 主契約: the contract this annex belongs to, printed on the annex cover. Maintained by the owner; it is
 * reference data of the engagement, not part of a revision's hashed content.
 */
export const ZEngagementContract = z.object({
  /** 契約名 */
  title: ZName,
  /** 契約番号 */
  number: z.string().trim().max(80).default(''),
  /** 契約日 (YYYY-MM-DD) */
  date: ZDate.nullable().default(null),
  /** Party id → 甲/乙/丙…, as the main contract names them. */
  designations: z.record(ZId, z.enum(CONTRACT_DESIGNATIONS)).default({}),
  prevails: z.enum(CONTRACT_PREVAILS).default('main_contract'),
  /** Print dates in 和暦 (令和8年12月7日) beside the Western date. */
  japaneseEraDates: z.boolean().default(false),
});
export type TEngagementContract = z.infer<typeof ZEngagementContract>;

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
  /** 主契約 (null until the owner records it). */
  contract: ZEngagementContract.nullable().optional(),
  archivedAt: ZDateTime.nullable(),
  version: ZVersion,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TEngagement = z.infer<typeof ZEngagement>;
