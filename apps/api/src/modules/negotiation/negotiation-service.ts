import { randomUUID } from 'node:crypto';
import {
  type TCellEvent,
  type TCellStatus,
  type TCellStatusContext,
  type TProposalMutationResponse,
  type TProposeRequest,
  assertCanRespond,
  assertValidAssignment,
  conflict,
  forbidden,
  nextCellStatus,
  validationError,
} from '@bunkai/domain';
import type { Db } from '@bunkai/db';
import { ownParty } from '../../access/engagement-access.ts';
import { toCell, toProposal } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import type { CellRow } from '../matrix/cell-access.ts';
import { loadCellState } from '../matrix/matrix-repository.ts';
import { type ProposalRow, type ResponseRow, acceptanceState, consentingProposer, withOpenProposal } from '../matrix/proposal-state.ts';
import { loadCellForWrite } from './cell-aggregate.ts';
import { type CellStep, writeCellStep } from './cell-step.ts';
import { proposalPayload, staleVersionError } from './negotiation-repository.ts';

type Deps = { db: Db };

const statusOf = (cell: CellRow) => cell.status as TCellStatus;
const contextOf = (cell: CellRow): TCellStatusContext => ({ hasAgreedAssignment: cell.assignment !== null });
const step = (from: TCellStatus, event: TCellEvent, cell: CellRow) => nextCellStatus(from, event, contextOf(cell));

/** The cell's negotiation fields as they are (a step that changes nothing else still moves the version). */
const unchanged = (cell: CellRow): CellStep['next'] => ({ status: cell.status, assignment: cell.assignment, terms: cell.terms, openProposalId: cell.openProposalId });

/** 合意: the proposal's assignment and terms become the cell's, and the cell has no open proposal any more. */
const agreement = (cell: CellRow, proposal: Pick<ProposalRow, 'id' | 'assignment' | 'terms'>, from: TCellStatus) => ({
  next: { status: step(from, 'agree', cell), assignment: proposal.assignment, terms: proposal.terms, openProposalId: null },
  event: {
    type: 'cell.agreed',
    subjectId: cell.id,
    payload: { cellId: cell.id, proposalId: proposal.id, assignment: proposal.assignment, terms: proposal.terms, cellVersion: cell.version + 1 },
  },
});

/** When a response is decided on, before the database stamps it: after every earlier response, so it counts as the party's latest word. */
const provisionalTime = (responses: readonly ResponseRow[]) => {
  const now = Date.now();
  const last = responses.reduce((t, r) => Math.max(t, new Date(r.createdAt).getTime()), 0);
  return new Date(Math.max(now, last)).toISOString();
};

/**
 * 提案・承諾・却下・取下げ on one cell. Each step reads the cell under its row
 * lock together with everything it decides on (one statement), decides in
 * memory, and writes the change with its events (one statement), so
 * concurrent writers to one cell are serialized: a stale proposal gets 409,
 * and concurrent accepts cannot both miss — or both apply — the agreement.
 * The answer is built after the commit: the engagement's chain head stays
 * locked until then, and every writer of the engagement waits for it.
 *
 * A reject from a required party disputes the cell (係争). The proposal stays
 * open so everyone sees what was rejected and why; further rejects are
 * recorded, accepts are refused (409 `proposal_disputed`) because the status
 * machine has no way from disputed to agreed: a counter-proposal (which may
 * repeat the same split) or a withdrawal settles it.
 */
export const createNegotiationService = ({ db }: Deps) => ({
  /** Proposes (or counters, superseding the open proposal) for the caller's own party. */
  propose: async (actor: Actor, cellId: string, input: TProposeRequest): Promise<TProposalMutationResponse> => {
    const { written, parties } = await db.transaction(async (tx) => {
      const { access: a, cell, target: open, parties } = await loadCellForWrite(tx, actor, { cellId }, 'cell:propose');
      const party = ownParty(a);
      if (cell.version !== input.version) throw staleVersionError(withOpenProposal(toCell(cell), open, parties), input.version);
      const assignment = assertValidAssignment(input.assignment, parties);
      const proposed = step(statusOf(cell), 'propose', cell);
      const draft = {
        id: randomUUID(),
        cellId,
        proposerPartyId: party.id,
        proposerUserId: actor.userId,
        assignment,
        terms: input.terms ?? open?.proposal.terms ?? cell.terms,
        reason: input.reason,
        suggested: false,
        supersedesId: open?.proposal.id ?? null,
      };
      const events: CellStep['events'] = [
        { type: open ? 'proposal.countered' : 'proposal.created', subjectId: cellId, payload: { ...proposalPayload(draft), cellVersion: cell.version + 1 } },
      ];
      // E.g. the hospital proposing a split in which only it holds R and A: nobody else's consent is needed.
      const agreed = acceptanceState(draft, [], parties).agreed ? agreement(cell, draft, proposed) : null;
      if (agreed) events.push(agreed.event);
      const written = await writeCellStep(tx, a, {
        cell,
        next: agreed?.next ?? { ...unchanged(cell), status: proposed, openProposalId: draft.id },
        ...(open ? { close: { id: open.proposal.id, status: 'superseded' as const } } : {}),
        insert: { ...draft, status: agreed ? 'agreed' : 'open' },
        events,
      });
      return { written, parties };
    });
    const proposal = written.inserted!;
    return { cell: withOpenProposal(toCell(written.cell), { proposal, responses: [] }, parties), proposal: toProposal(proposal, []) };
  },

  /** 承諾 / 却下 for the caller's own party; the agreement is applied in the same transaction when the rule is met. */
  respond: async (actor: Actor, proposalId: string, response: 'accept' | 'reject', reason: string): Promise<TProposalMutationResponse> => {
    const { written, parties, target } = await db.transaction(async (tx) => {
      const { access: a, cell, target, parties } = await loadCellForWrite(tx, actor, { proposalId }, 'cell:respond');
      const { proposal, responses: earlier } = target!;
      const party = ownParty(a);
      assertCanRespond(party.id, parties, party.id);
      if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
        throw conflict('proposal_closed', `Proposal ${proposalId} is ${proposal.status}; respond to the cell's open proposal instead.`, {
          current: await loadCellState(tx, cell, parties),
        });
      if (consentingProposer(proposal) === party.id)
        throw validationError('own_proposal', `Your party proposed ${proposalId}; withdraw it or make a new proposal instead of responding to it.`);
      if (response === 'accept' && cell.status === 'disputed')
        throw conflict('proposal_disputed', `Proposal ${proposalId} was rejected by a party whose consent it needs; counter it with a new proposal instead.`, {
          current: withOpenProposal(toCell(cell), target, parties),
        });
      const respond = { proposalId, partyId: party.id, userId: actor.userId, response, reason };
      const state = acceptanceState(proposal, [...earlier, { ...respond, createdAt: provisionalTime(earlier) }], parties);
      const events: CellStep['events'] = [
        {
          type: response === 'accept' ? 'proposal.accepted' : 'proposal.rejected',
          subjectId: cell.id,
          payload: { proposalId, cellId: cell.id, partyId: party.id, reason, cellVersion: cell.version + 1 },
        },
      ];
      let next = unchanged(cell);
      const agreed = response === 'accept' && state.agreed ? agreement(cell, proposal, statusOf(cell)) : null;
      if (agreed) {
        next = agreed.next;
        events.push(agreed.event);
      } else if (response === 'reject' && state.required.includes(party.id) && cell.status === 'proposed') next = { ...next, status: step('proposed', 'reject', cell) };
      // Otherwise the negotiation state shown with the cell changed all the same, so its version moves too.
      const written = await writeCellStep(tx, a, { cell, next, ...(agreed ? { close: { id: proposalId, status: 'agreed' as const } } : {}), respond, events });
      return { written, parties, target: { proposal, responses: earlier } };
    });
    const responses = [...target.responses, written.responded!];
    const final = written.closed ?? target.proposal;
    return { cell: withOpenProposal(toCell(written.cell), { proposal: final, responses }, parties), proposal: toProposal(final, responses) };
  },

  /** 取下げ: only the proposer's party; a template suggestion only by the engagement owner. */
  withdraw: async (actor: Actor, proposalId: string): Promise<TProposalMutationResponse> => {
    const { written, parties, responses } = await db.transaction(async (tx) => {
      const { access: a, cell, target, parties } = await loadCellForWrite(tx, actor, { proposalId }, 'cell:propose');
      const { proposal, responses } = target!;
      const mayWithdraw = proposal.suggested ? a.roles.includes('owner') : a.party?.id === proposal.proposerPartyId;
      if (!mayWithdraw)
        throw forbidden('not_proposer', proposal.suggested ? 'Only the engagement owner can withdraw a template suggestion.' : 'Only the party that made a proposal can withdraw it.');
      if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
        throw conflict('proposal_closed', `Proposal ${proposalId} is ${proposal.status}; there is nothing to withdraw.`, {
          current: await loadCellState(tx, cell, parties),
        });
      const status = step(statusOf(cell), 'withdraw', cell);
      const written = await writeCellStep(tx, a, {
        cell,
        next: { ...unchanged(cell), status, openProposalId: null },
        close: { id: proposalId, status: 'withdrawn' },
        events: [{ type: 'proposal.withdrawn', subjectId: cell.id, payload: { proposalId, cellId: cell.id, cellStatus: status, cellVersion: cell.version + 1 } }],
      });
      return { written, parties, responses };
    });
    return { cell: withOpenProposal(toCell(written.cell), null, parties), proposal: toProposal(written.closed!, responses) };
  },
});
export type NegotiationService = ReturnType<typeof createNegotiationService>;
