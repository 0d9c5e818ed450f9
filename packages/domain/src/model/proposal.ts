import { z } from 'zod';
import { PROPOSAL_RESPONSES, PROPOSAL_STATUSES } from './enums.ts';
import { ZAssignment, ZTerms } from './cell.ts';
import { LIMITS, ZDateTime, ZId } from './primitives.ts';

export const ZProposalResponse = z.object({
  partyId: ZId,
  response: z.enum(PROPOSAL_RESPONSES),
  reason: z.string().trim().max(LIMITS.short),
  userId: ZId,
  at: ZDateTime,
});
export type TProposalResponseRecord = z.infer<typeof ZProposalResponse>;

/** 提案: a full assignment and terms for one cell, proposed by one party. */
export const ZProposal = z.object({
  id: ZId,
  cellId: ZId,
  engagementId: ZId,
  proposerPartyId: ZId,
  proposerUserId: ZId.nullable(),
  assignment: ZAssignment,
  terms: ZTerms,
  reason: z.string().trim().max(LIMITS.short),
  status: z.enum(PROPOSAL_STATUSES),
  /** Set when a template suggested it rather than a person. */
  suggested: z.boolean(),
  supersedesId: ZId.nullable(),
  responses: z.array(ZProposalResponse),
  createdAt: ZDateTime,
  closedAt: ZDateTime.nullable(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZComment = z.object({
  id: ZId,
  cellId: ZId,
  partyId: ZId,
  userId: ZId,
  body: z.string().trim().min(1).max(LIMITS.text),
  createdAt: ZDateTime,
});
export type TComment = z.infer<typeof ZComment>;
