import { z } from 'zod';
import { ZAssignment, ZTerms } from '../model/cell.ts';
import { ZEvent } from '../model/event.ts';
import { ZComment, ZProposal } from '../model/proposal.ts';
import { LIMITS, ZDateTime, ZId, ZVersion } from '../model/primitives.ts';
import { ZCellWithProposal, ZMatrixCell, ZMatrixQuery } from './matrix.ts';

/**
 * Negotiation of one cell (分担): 提案 (propose / counter), 承諾 (accept),
 * 却下 (reject with a reason), 取下げ (withdraw), comments and the per-cell
 * history. Every party acts only for itself.
 */

/** An assignment as sent by a client: at most 50 parties (an engagement has about 8). */
export const ZAssignmentInput = ZAssignment.refine((a) => Object.keys(a).length <= 50, { message: 'at most 50 parties per assignment' });

export const ZProposeRequest = z.object({
  assignment: ZAssignmentInput,
  /** Omitted: the terms on the table (the open proposal's, else the cell's) are kept. */
  terms: ZTerms.optional(),
  reason: z.string().trim().max(LIMITS.short).default(''),
  /** The cell version the caller saw; a stale one answers 409 with the current cell. */
  version: ZVersion,
});
export type TProposeRequest = z.infer<typeof ZProposeRequest>;

export const ZAcceptRequest = z.object({ reason: z.string().trim().max(LIMITS.short).default('') });
export const ZRejectRequest = z.object({ reason: z.string().trim().min(1).max(LIMITS.short) });
export type TRejectRequest = z.infer<typeof ZRejectRequest>;

/** Result of any proposal mutation: the cell after it and the proposal concerned. */
export const ZProposalMutationResponse = z.object({ cell: ZCellWithProposal, proposal: ZProposal });
export type TProposalMutationResponse = z.infer<typeof ZProposalMutationResponse>;

export const BULK_PROPOSAL_MAX_CELLS = 5000;

/** The same split for many cells (e.g. every client terminal): all or nothing. */
export const ZBulkProposeRequest = z.object({
  cellIds: z
    .array(ZId)
    .min(1)
    .max(BULK_PROPOSAL_MAX_CELLS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'cellIds must not repeat' }),
  assignment: ZAssignmentInput,
  /** Omitted: each cell keeps the terms on its table. */
  terms: ZTerms.optional(),
  reason: z.string().trim().max(LIMITS.short).default(''),
});
export type TBulkProposeRequest = z.infer<typeof ZBulkProposeRequest>;

export const ZBulkProposeResult = z.object({
  cellId: ZId,
  proposalId: ZId,
  /** The open proposal this one superseded (a counter), if any. */
  supersededId: ZId.nullable(),
  /** Cell status afterwards: `proposed`, or `agreed` when nobody else's consent was needed. */
  status: z.enum(['proposed', 'agreed']),
  version: ZVersion,
});
export const ZBulkProposeResponse = z.object({ results: z.array(ZBulkProposeResult) });
export type TBulkProposeResponse = z.infer<typeof ZBulkProposeResponse>;

/**
 * 一括承諾: accept, for the caller's party, the open proposals of listed cells or of every cell
 * matching a matrix filter that waits for the party's consent. Each cell is its own step: the
 * answer says per cell whether it is agreed, still waits for other parties, or was refused (and why).
 */
export const ZBulkAcceptRequest = z.union([
  z
    .object({
      cellIds: z
        .array(ZId)
        .min(1)
        .max(BULK_PROPOSAL_MAX_CELLS)
        .refine((ids) => new Set(ids).size === ids.length, { message: 'cellIds must not repeat' }),
      reason: z.string().trim().max(LIMITS.short).default(''),
    })
    .strict(),
  z.object({ filter: ZMatrixQuery.omit({ view: true }), reason: z.string().trim().max(LIMITS.short).default('') }).strict(),
]);
export type TBulkAcceptRequest = z.infer<typeof ZBulkAcceptRequest>;

export const ZBulkAcceptResult = z.object({
  cellId: ZId,
  proposalId: ZId.nullable(),
  /** `agreed`: the acceptance completed the agreement; `waiting`: accepted, others still must (see pendingFrom); `refused`: see code. */
  outcome: z.enum(['agreed', 'waiting', 'refused']),
  pendingFrom: z.array(ZId),
  /** Why a cell was refused: `no_open_proposal`, `consent_not_required`, `proposal_disputed`, `own_proposal`, … */
  code: z.string().max(100).nullable(),
  message: z.string().max(1000).nullable(),
  version: ZVersion.nullable(),
});
export const ZBulkAcceptResponse = z.object({
  results: z.array(ZBulkAcceptResult),
  counts: z.object({ agreed: z.number().int().min(0), waiting: z.number().int().min(0), refused: z.number().int().min(0) }),
});
export type TBulkAcceptResponse = z.infer<typeof ZBulkAcceptResponse>;

export const ZCreateCommentRequest = z.object({ body: z.string().trim().min(1).max(LIMITS.text) });
export const ZCommentsResponse = z.object({ comments: z.array(ZComment) });

/** 初回確認 / 完了日 changes as recorded by `cell.reviewed` events. */
export const ZReviewChange = z.object({
  seq: z.number().int().min(1),
  at: ZDateTime,
  actorUserId: ZId.nullable(),
  actorPartyId: ZId.nullable(),
  changes: z.record(z.string(), z.unknown()),
});

/** Everything that happened to one cell, each list oldest first. */
export const ZCellHistoryResponse = z.object({
  cell: ZMatrixCell,
  proposals: z.array(ZProposal),
  comments: z.array(ZComment),
  reviewChanges: z.array(ZReviewChange),
  events: z.array(ZEvent),
});
export type TCellHistoryResponse = z.infer<typeof ZCellHistoryResponse>;
