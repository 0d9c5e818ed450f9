/**
 * 提案・対案・承諾・却下・取下げ on one cell, decided without I/O: given the
 * cell aggregate (read under the cell's lock) and the input, each function
 * returns the cell's next fields, the proposal rows to close / insert, the
 * response to record and the events to append — or throws a typed error.
 *
 * A reject from a required party disputes the cell (係争). The proposal stays
 * open so everyone sees what was rejected and why; further rejects are
 * recorded, accepts are refused (409 `proposal_disputed`) because the status
 * machine has no way from disputed to agreed: a counter-proposal (which may
 * repeat the same split) or a withdrawal settles it.
 */
import type { TAssignment, TTerms } from '../model/cell.ts';
import type { TCellStatus } from '../model/enums.ts';
import { conflict, forbidden, validationError } from '../errors.ts';
import { acceptanceState, assertCanRespond, consentingProposer } from '../rules/acceptance.ts';
import { assertValidAssignment } from '../rules/assignment.ts';
import { type TCellEvent, nextCellStatus } from '../rules/cell-status.ts';
import { agreedEvent, proposedEvent, respondedEvent, withdrawnEvent } from './events.ts';
import type { TCellActor, TCellAggregate, TCellDecision, TCellNext, TCellRecord, TNewProposal, TProposalRecord } from './types.ts';

export const cellStep = (cell: Pick<TCellRecord, 'assignment'>, from: string, event: TCellEvent): TCellStatus =>
  nextCellStatus(from as TCellStatus, event, { hasAgreedAssignment: cell.assignment !== null });

/** The cell's fields as they are (a step that changes nothing else still moves the version). */
export const unchangedCell = (c: TCellRecord): TCellNext => ({
  status: c.status,
  assignment: c.assignment,
  terms: c.terms,
  openProposalId: c.openProposalId,
  notApplicableReason: c.notApplicableReason,
  firstCheckAnswer: c.firstCheckAnswer,
  firstCheckOn: c.firstCheckOn,
  completedOn: c.completedOn,
  dueOn: c.dueOn,
  completionDueOn: c.completionDueOn,
  kickoffNotes: c.kickoffNotes,
});

/** 409 `stale_version` unless the caller saw the cell's current version (the API adds the current cell). */
export const assertCellVersion = (cell: Pick<TCellRecord, 'id' | 'version'>, sent: number): void => {
  if (cell.version !== sent)
    throw conflict('stale_version', `Cell ${cell.id} was changed by someone else (you sent version ${sent}, it is at ${cell.version}); reload it.`);
};

/** 合意: the proposal's assignment and terms become the cell's, and the cell has no open proposal any more. */
const agreement = (cell: TCellRecord, p: Pick<TProposalRecord, 'id' | 'assignment' | 'terms'>, from: string) => ({
  next: { ...unchangedCell(cell), status: cellStep(cell, from, 'agree'), assignment: p.assignment, terms: p.terms, openProposalId: null },
  event: agreedEvent(cell.id, p, cell.version + 1),
});

export type TProposeInput = { actor: TCellActor; proposalId: string; assignment: TAssignment; terms?: TTerms | undefined; reason: string; version: number };

/** 提案 for the actor's own party, or 対案 superseding the open proposal; agreed at once when nobody else's consent is needed. */
export const decidePropose = (agg: TCellAggregate, input: TProposeInput): TCellDecision => {
  const { cell, target: open, parties } = agg;
  assertCellVersion(cell, input.version);
  const assignment = assertValidAssignment(input.assignment, parties);
  const proposed = cellStep(cell, cell.status, 'propose');
  const draft: TNewProposal = {
    id: input.proposalId,
    cellId: cell.id,
    proposerPartyId: input.actor.partyId,
    proposerUserId: input.actor.userId,
    assignment,
    terms: input.terms ?? open?.proposal.terms ?? cell.terms,
    reason: input.reason,
    suggested: false,
    supersedesId: open?.proposal.id ?? null,
    status: 'open',
  };
  const events = [proposedEvent(draft, cell.version + 1)];
  // E.g. the hospital proposing a split in which only it holds R and A: nobody else's consent is needed.
  const agreed = acceptanceState(draft, [], parties).agreed ? agreement(cell, draft, proposed) : null;
  if (agreed) events.push(agreed.event);
  return {
    next: agreed?.next ?? { ...unchangedCell(cell), status: proposed, openProposalId: draft.id },
    ...(open ? { close: { id: open.proposal.id, status: 'superseded' as const } } : {}),
    insert: { ...draft, status: agreed ? 'agreed' : 'open' },
    events,
  };
};

export type TRespondInput = {
  actor: TCellActor;
  response: 'accept' | 'reject';
  reason: string;
  /** When the response is decided on; the database stamps it later, after every earlier response. */
  at: string;
};

/** 承諾 / 却下 for the actor's own party; the agreement is applied in the same step when the rule is met. */
export const decideRespond = (agg: TCellAggregate, input: TRespondInput): TCellDecision => {
  const { cell, target, parties } = agg;
  const { proposal, responses: earlier } = target!;
  const partyId = input.actor.partyId;
  assertCanRespond(partyId, parties, partyId);
  if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
    throw conflict('proposal_closed', `Proposal ${proposal.id} is ${proposal.status}; respond to the cell's open proposal instead.`);
  if (consentingProposer(proposal) === partyId)
    throw validationError('own_proposal', `Your party proposed ${proposal.id}; withdraw it or make a new proposal instead of responding to it.`);
  // Consent counts only from the hospital and the R/A parties; a C/I (or unnamed) party's word would change nothing.
  if (!acceptanceState(proposal, [], parties).required.includes(partyId))
    throw forbidden(
      'consent_not_required',
      `Your party is not asked to consent to proposal ${proposal.id} (only the hospital and the parties it makes R or A are); comment on the cell instead.`,
    );
  if (input.response === 'accept' && cell.status === 'disputed')
    throw conflict('proposal_disputed', `Proposal ${proposal.id} was rejected by a party whose consent it needs; counter it with a new proposal instead.`);
  const respond = { proposalId: proposal.id, partyId, userId: input.actor.userId, response: input.response, reason: input.reason };
  const last = earlier.reduce((t, r) => Math.max(t, new Date(r.createdAt).getTime()), 0);
  const at = new Date(Math.max(Date.parse(input.at), last)).toISOString();
  const state = acceptanceState(proposal, [...earlier, { ...respond, createdAt: at }], parties);
  const events = [respondedEvent({ ...respond, cellId: cell.id }, cell.version + 1)];
  const agreed = input.response === 'accept' && state.agreed ? agreement(cell, proposal, cell.status) : null;
  if (agreed) {
    events.push(agreed.event);
    return { next: agreed.next, close: { id: proposal.id, status: 'agreed' }, respond, events };
  }
  // Otherwise the negotiation state shown with the cell changed all the same, so its version moves too.
  const disputes = input.response === 'reject' && state.required.includes(partyId) && cell.status === 'proposed';
  return { next: { ...unchangedCell(cell), ...(disputes ? { status: cellStep(cell, 'proposed', 'reject') } : {}) }, respond, events };
};

export type TWithdrawInput = {
  /** The caller's party (null for an owner whose organization holds no party). */
  partyId: string | null;
  /** A template suggestion can only be withdrawn by the engagement owner. */
  isOwner: boolean;
};

/** 取下げ: only the proposer's party; a template suggestion only by the engagement owner. */
export const decideWithdraw = (agg: TCellAggregate, input: TWithdrawInput): TCellDecision => {
  const { cell, target } = agg;
  const { proposal } = target!;
  const may = proposal.suggested ? input.isOwner : input.partyId === proposal.proposerPartyId;
  if (!may)
    throw forbidden('not_proposer', proposal.suggested ? 'Only the engagement owner can withdraw a template suggestion.' : 'Only the party that made a proposal can withdraw it.');
  if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
    throw conflict('proposal_closed', `Proposal ${proposal.id} is ${proposal.status}; there is nothing to withdraw.`);
  const status = cellStep(cell, cell.status, 'withdraw');
  return {
    next: { ...unchangedCell(cell), status, openProposalId: null },
    close: { id: proposal.id, status: 'withdrawn' },
    events: [withdrawnEvent(proposal.id, cell.id, status, cell.version + 1)],
  };
};
