import { z } from 'zod';
import { ZAsset } from '../model/asset.ts';
import { ZAssignment, ZCell, ZTerms } from '../model/cell.ts';
import { ZDuty } from '../model/duty.ts';
import { CELL_STATUSES, ENGAGEMENT_STATUSES, FINDING_SEVERITIES, FIRST_CHECK_ANSWERS } from '../model/enums.ts';
import { ZParty } from '../model/party.ts';
import { LIMITS, ZDate, ZDateTime, ZId, ZLocalized, ZVersion } from '../model/primitives.ts';
import { FINDING_CODES } from '../findings/types.ts';

/**
 * The matrix (分担表) as the API serves it: cells with their open proposal
 * (提案) and the codes of the findings (指摘) they are part of, plus kickoff
 * review (初回確認 / 完了日), progress and findings.
 */

/**
 * The open proposal of a cell with where its consent stands. `acceptedBy`
 * includes the proposer (proposing is consenting) except for template
 * suggestions, which nobody has accepted yet; `pendingFrom` lists the required
 * acceptors (hospital + every R/A party) whose latest word is not an accept.
 */
export const ZOpenProposalView = z.object({
  id: ZId,
  proposerPartyId: ZId,
  proposerUserId: ZId.nullable(),
  assignment: ZAssignment,
  terms: ZTerms,
  reason: z.string().max(LIMITS.short),
  suggested: z.boolean(),
  supersedesId: ZId.nullable(),
  acceptedBy: z.array(ZId),
  pendingFrom: z.array(ZId),
  rejectedBy: z.array(ZId),
  /**
   * Whose consent counts (the hospital and every party the proposal gives R or A) and where each
   * stands; `informed`: parties given only C/I, who comment but cannot accept or reject. The three
   * fields below are always present in answers (optional in the type for clients built before them).
   */
  mustAccept: z.array(z.object({ partyId: ZId, state: z.enum(['accepted', 'pending', 'rejected']) })).optional(),
  informed: z.array(ZId).optional(),
  /** Each party's standing rejection with its reason, shown to everyone. */
  rejections: z.array(z.object({ partyId: ZId, userId: ZId, reason: z.string().max(LIMITS.short), at: ZDateTime })).optional(),
  createdAt: ZDateTime,
});
export type TOpenProposalView = z.infer<typeof ZOpenProposalView>;

/** A cell with its open proposal: what mutations answer (findings change engagement-wide, fetch them apart). */
export const ZCellWithProposal = ZCell.extend({ openProposal: ZOpenProposalView.nullable() });
export type TCellWithProposal = z.infer<typeof ZCellWithProposal>;

/** A cell as the matrix lists it: with the codes of the findings it is a subject of. */
export const ZMatrixCell = ZCellWithProposal.extend({ findingCodes: z.array(z.enum(FINDING_CODES)) });
export type TMatrixCell = z.infer<typeof ZMatrixCell>;

/** A filter value: one string with comma-separated values, or the parameter repeated. */
const ZListParam = z.union([z.string().max(4000), z.array(z.string().max(4000)).max(50)]).optional();

/**
 * Filters of GET /engagements/:id/cells. All given filters must hold (AND);
 * the values of one filter are alternatives (OR). Unknown parameters and
 * unknown values answer 400.
 */
export const ZMatrixQuery = z.strictObject({
  /** Party ids: cells where the party holds a letter in the agreed or the proposed assignment. */
  party: ZListParam,
  phase: ZListParam,
  category: ZListParam,
  status: ZListParam,
  /** Asset ids, or `none` for engagement-wide cells. */
  asset: ZListParam,
  /** Finding codes: cells that are subjects of a finding with that code. */
  finding: ZListParam,
  /** `mine`: "what is asked of us" — cells where the caller's party holds a letter or whose acceptance is pending. */
  view: z.enum(['all', 'mine']).optional(),
});
export type TMatrixQuery = z.infer<typeof ZMatrixQuery>;

export const ZMatrixResponse = z.object({
  engagement: z.object({ id: ZId, version: ZVersion, status: z.enum(ENGAGEMENT_STATUSES) }),
  parties: z.array(ZParty),
  assets: z.array(ZAsset),
  duties: z.array(ZDuty),
  /** Cells of the engagement before filtering. */
  totalCells: z.number().int().min(0),
  cells: z.array(ZMatrixCell),
});
export type TMatrixResponse = z.infer<typeof ZMatrixResponse>;

export const ZCellDetailResponse = z.object({
  cell: ZMatrixCell,
  duty: ZDuty,
  asset: ZAsset.nullable(),
  commentCount: z.number().int().min(0),
});
export type TCellDetailResponse = z.infer<typeof ZCellDetailResponse>;

/** 初回確認 (はい/いいえ + date) and 完了日. Omitted fields stay as they are; null clears. */
export const ZReviewRequest = z.object({
  version: ZVersion,
  firstCheckAnswer: z.enum(FIRST_CHECK_ANSWERS).nullable().optional(),
  firstCheckOn: ZDate.nullable().optional(),
  completedOn: ZDate.nullable().optional(),
  /** 期限: agree the cell by this date. */
  dueOn: ZDate.nullable().optional(),
  /** 完了予定日: required with a いいえ answer until 完了日 is set (400 target_date_required). */
  completionDueOn: ZDate.nullable().optional(),
  notes: z.string().trim().max(LIMITS.text).optional(),
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

/** 対象外 for one cell; a reason is required when marking it. */
export const ZApplicabilityRequest = z.object({
  version: ZVersion,
  notApplicable: z.boolean(),
  reason: z.string().trim().max(LIMITS.short).optional(),
});
export type TApplicabilityRequest = z.infer<typeof ZApplicabilityRequest>;

export const ZCellResponse = z.object({ cell: ZCellWithProposal });

export const ZPartyProgress = z.object({
  partyId: ZId,
  displayName: z.string(),
  role: ZParty.shape.role,
  /** Applicable cells where the party holds a letter (agreed or proposed). */
  withRole: z.number().int().min(0),
  /** Agreed cells where the party holds a letter. */
  agreed: z.number().int().min(0),
  /** Open proposals waiting for this party's acceptance. */
  pendingAcceptances: z.number().int().min(0),
});

export const ZProgressResponse = z.object({
  total: z.number().int().min(0),
  applicable: z.number().int().min(0),
  byStatus: z.record(z.enum(CELL_STATUSES), z.number().int().min(0)),
  agreed: z.number().int().min(0),
  /** 初回確認 recorded (はい or いいえ). */
  reviewed: z.number().int().min(0),
  /** 完了日 recorded. */
  completed: z.number().int().min(0),
  parties: z.array(ZPartyProgress),
});
export type TProgressResponse = z.infer<typeof ZProgressResponse>;

export const ZFinding = z.object({
  id: z.string().max(LIMITS.text * 10),
  code: z.enum(FINDING_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  cellIds: z.array(ZId),
  assetIds: z.array(ZId),
  partyIds: z.array(ZId),
  dutyIds: z.array(ZId),
  message: ZLocalized,
});

export const ZFindingsResponse = z.object({
  findings: z.array(ZFinding),
  counts: z.object({ blocking: z.number().int().min(0), warning: z.number().int().min(0) }),
});
export type TFindingsResponse = z.infer<typeof ZFindingsResponse>;
