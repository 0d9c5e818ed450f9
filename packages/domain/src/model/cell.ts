import { z } from 'zod';
import { CELL_STATUSES, FIRST_CHECK_ANSWERS, RACI_ROLES } from './enums.ts';
import { LIMITS, ZDate, ZDateTime, ZId, ZVersion } from './primitives.ts';

export const ZRaciRole = z.enum(RACI_ROLES);

/**
 * 分担: the roles each party holds on one cell. Keys are party ids; a party
 * may hold several letters (e.g. the hospital as both A and R). Parties with
 * no role are absent.
 */
export const ZAssignment = z.record(ZId, z.array(ZRaciRole).min(1).max(4));
export type TAssignment = z.infer<typeof ZAssignment>;

/** 条件: what the assignment is held to. */
export const ZTerms = z.object({
  responseTime: z.string().trim().max(LIMITS.name).default(''),
  frequency: z.string().trim().max(LIMITS.name).default(''),
  evidence: z.string().trim().max(LIMITS.short).default(''),
  remarks: z.string().trim().max(LIMITS.text).default(''),
});
export type TTerms = z.infer<typeof ZTerms>;
export const EMPTY_TERMS: TTerms = { responseTime: '', frequency: '', evidence: '', remarks: '' };

/** 初回確認 (はい/いいえ + date) and 完了日, as recorded at the kickoff review. */
export const ZKickoff = z.object({
  firstCheckAnswer: z.enum(FIRST_CHECK_ANSWERS).nullable(),
  firstCheckOn: ZDate.nullable(),
  completedOn: ZDate.nullable(),
  notes: z.string().trim().max(LIMITS.text),
});
export type TKickoff = z.infer<typeof ZKickoff>;
export const EMPTY_KICKOFF: TKickoff = { firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '' };

/** One duty on one asset (assetId null: engagement-wide). */
export const ZCell = z.object({
  id: ZId,
  engagementId: ZId,
  dutyId: ZId,
  assetId: ZId.nullable(),
  status: z.enum(CELL_STATUSES),
  /** The agreed assignment; null until a proposal is agreed. */
  assignment: ZAssignment.nullable(),
  terms: ZTerms,
  notApplicableReason: z.string().trim().max(LIMITS.short).nullable(),
  kickoff: ZKickoff,
  /**
   * 期限: agree the cell by this date; 完了予定日: the 完了日 target. Always present in API
   * answers (null when unset); optional in the type so cells built before deadlines existed still type-check.
   */
  dueOn: ZDate.nullable().optional(),
  completionDueOn: ZDate.nullable().optional(),
  openProposalId: ZId.nullable(),
  version: ZVersion,
  updatedAt: ZDateTime,
});
export type TCell = z.infer<typeof ZCell>;
