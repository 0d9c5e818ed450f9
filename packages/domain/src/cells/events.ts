/**
 * The cell's events and their payloads: exactly one builder per event type.
 * The payloads go into the engagement's hash chain, so the API's single-cell
 * path, bulk proposals and the benchmark's generator all build them here —
 * a field that drifts between them would be a chain-format bug.
 */
import type { TAssignment, TTerms } from '../model/cell.ts';
import type { TCellEventSpec, TProposalRecord } from './types.ts';

type ProposalFields = Pick<TProposalRecord, 'id' | 'cellId' | 'proposerPartyId' | 'suggested' | 'supersedesId' | 'assignment' | 'terms' | 'reason'>;

/** Every field of a proposal, so the log can be replayed. */
export const proposalPayload = (p: ProposalFields) => ({
  proposalId: p.id,
  cellId: p.cellId,
  proposerPartyId: p.proposerPartyId,
  suggested: p.suggested,
  supersedesId: p.supersedesId,
  assignment: p.assignment,
  terms: p.terms,
  reason: p.reason,
});

/** 提案 (`proposal.created`) or 対案 (`proposal.countered`, when it supersedes an open proposal). */
export const proposedEvent = (p: ProposalFields, cellVersion: number, bulk = false): TCellEventSpec => ({
  type: p.supersedesId ? 'proposal.countered' : 'proposal.created',
  subjectId: p.cellId,
  payload: { ...proposalPayload(p), cellVersion, ...(bulk ? { bulk: true } : {}) },
});

/** 合意: the proposal's assignment and terms became the cell's. */
export const agreedEvent = (cellId: string, p: { id: string; assignment: TAssignment; terms: TTerms }, cellVersion: number): TCellEventSpec => ({
  type: 'cell.agreed',
  subjectId: cellId,
  payload: { cellId, proposalId: p.id, assignment: p.assignment, terms: p.terms, cellVersion },
});

/** 承諾 / 却下 of one party. */
export const respondedEvent = (
  r: { proposalId: string; cellId: string; partyId: string; response: 'accept' | 'reject'; reason: string },
  cellVersion: number,
): TCellEventSpec => ({
  type: r.response === 'accept' ? 'proposal.accepted' : 'proposal.rejected',
  subjectId: r.cellId,
  payload: { proposalId: r.proposalId, cellId: r.cellId, partyId: r.partyId, reason: r.reason, cellVersion },
});

/** 取下げ, with the status the cell fell back to. */
export const withdrawnEvent = (proposalId: string, cellId: string, cellStatus: string, cellVersion: number): TCellEventSpec => ({
  type: 'proposal.withdrawn',
  subjectId: cellId,
  payload: { proposalId, cellId, cellStatus, cellVersion },
});

/** What a 初回確認 / 完了日 / notes change set, as sent. */
export type TReviewChanges = {
  firstCheckAnswer?: string | null;
  firstCheckOn?: string | null;
  completedOn?: string | null;
  dueOn?: string | null;
  completionDueOn?: string | null;
  notes?: string;
};

/** キックオフ確認: the fields changed. */
export const reviewedEvent = (cellId: string, changes: TReviewChanges, cellVersion: number): TCellEventSpec => ({
  type: 'cell.reviewed',
  subjectId: cellId,
  payload: { cellId, changes, cellVersion },
});

/** 対象外, with the open proposal withdrawn by it. */
export const notApplicableEvent = (cellId: string, reason: string, withdrawnProposalId: string | null, cellVersion: number): TCellEventSpec => ({
  type: 'cell.not_applicable',
  subjectId: cellId,
  payload: { cellId, reason, withdrawnProposalId, cellVersion },
});

/** 対象外 lifted. */
export const reopenedEvent = (cellId: string, status: string, cellVersion: number): TCellEventSpec => ({
  type: 'cell.reopened',
  subjectId: cellId,
  payload: { cellId, status, cellVersion },
});

/** A comment does not change the cell (no version). */
export const commentedEvent = (commentId: string, cellId: string, body: string): TCellEventSpec => ({
  type: 'comment.created',
  subjectId: cellId,
  payload: { commentId, cellId, body },
});
