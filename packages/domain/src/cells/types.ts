import type { TAssignment, TTerms } from '../model/cell.ts';
import type { TCellStatus, TFirstCheckAnswer, TProposalResponse, TProposalStatus } from '../model/enums.ts';
import type { TAssignmentParty } from '../rules/assignment.ts';

/** A cell (分担) as stored: what the rules decide on and what a step changes. */
export type TCellRecord = {
  id: string;
  engagementId: string;
  status: TCellStatus;
  assignment: TAssignment | null;
  terms: TTerms;
  openProposalId: string | null;
  version: number;
  notApplicableReason: string | null;
  firstCheckAnswer: TFirstCheckAnswer | null;
  firstCheckOn: string | null;
  completedOn: string | null;
  /** 期限 (agree by) and 完了予定日 (complete by), YYYY-MM-DD. */
  dueOn: string | null;
  completionDueOn: string | null;
  kickoffNotes: string;
};

/** A 提案 as stored. */
export type TProposalRecord = {
  id: string;
  cellId: string;
  proposerPartyId: string;
  proposerUserId: string | null;
  assignment: TAssignment;
  terms: TTerms;
  reason: string;
  status: TProposalStatus;
  suggested: boolean;
  supersedesId: string | null;
  createdAt: string;
};

/** A 承諾 / 却下 as stored. */
export type TResponseRecord = { proposalId: string; partyId: string; userId: string; response: TProposalResponse; reason: string; createdAt: string };

export type TProposalWithResponses<P extends TProposalRecord = TProposalRecord, R extends TResponseRecord = TResponseRecord> = {
  proposal: P;
  responses: readonly R[];
};

/** Everything a step on one cell decides on, read under the cell's lock. */
export type TCellAggregate<C extends TCellRecord = TCellRecord, P extends TProposalRecord = TProposalRecord, R extends TResponseRecord = TResponseRecord> = {
  cell: C;
  /** The proposal the step is about (by id), or the cell's open one; with its responses, oldest first. */
  target: TProposalWithResponses<P, R> | null;
  /** Every party of the engagement (RACI validation, acceptance). */
  parties: readonly TAssignmentParty[];
};

/** Who acts: a user for its own party. */
export type TCellActor = { userId: string; partyId: string };

export type TWrittenProposalStatus = 'open' | 'agreed' | 'superseded' | 'withdrawn';

/** The cell's fields after a step; the version moves by one whatever changed. */
export type TCellNext = Pick<
  TCellRecord,
  'status' | 'assignment' | 'terms' | 'openProposalId' | 'notApplicableReason' | 'firstCheckAnswer' | 'firstCheckOn' | 'completedOn' | 'dueOn' | 'completionDueOn' | 'kickoffNotes'
>;

export type TNewProposal = Pick<TProposalRecord, 'id' | 'cellId' | 'proposerPartyId' | 'proposerUserId' | 'assignment' | 'terms' | 'reason' | 'suggested' | 'supersedesId'> & {
  status: TWrittenProposalStatus;
};

export type TNewResponse = Omit<TResponseRecord, 'createdAt'>;

/** One event to append to the engagement's chain (attributed to the actor by the writer). */
export type TCellEventSpec = { type: string; subjectId: string; payload: Record<string, unknown> };

/** What one step changes on one cell, decided before anything is written. */
export type TCellDecision = {
  next: TCellNext;
  close?: { id: string; status: Exclude<TWrittenProposalStatus, 'open'> };
  insert?: TNewProposal;
  respond?: TNewResponse;
  events: TCellEventSpec[];
};
