import { sql } from 'drizzle-orm';
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
import { type Db, proposalResponses } from '@bunkai/db';
import { ownParty } from '../../access/engagement-access.ts';
import { type EventSpec, recordEvents } from '../../lib/events.ts';
import { toCell, toProposal } from '../../lib/mappers.ts';
import type { Actor } from '../../plugins/auth.ts';
import { type CellAccess, type CellRow, assertWritable, loadParties } from '../matrix/cell-access.ts';
import { loadCellState, loadProposalWithResponses, loadResponses } from '../matrix/matrix-repository.ts';
import { type ProposalRow, acceptanceState, consentingProposer, withOpenProposal } from '../matrix/proposal-state.ts';
import { closeProposal, insertProposal, proposalPayload, staleCell, updateCell } from './negotiation-repository.ts';

type Deps = { db: Db; cellAccess: CellAccess };

const statusOf = (cell: CellRow) => cell.status as TCellStatus;
const contextOf = (cell: CellRow): TCellStatusContext => ({ hasAgreedAssignment: cell.assignment !== null });
const step = (from: TCellStatus, event: TCellEvent, cell: CellRow) => nextCellStatus(from, event, contextOf(cell));

/**
 * Makes a proposal the cell's agreed 分担 (合意) in the caller's transaction:
 * assignment and terms copied to the cell, proposal closed as agreed.
 */
export const applyAgreement = async (tx: Db, cell: CellRow, proposal: ProposalRow, from: TCellStatus, events: EventSpec[]) => {
  const status = step(from, 'agree', cell);
  const closed = await closeProposal(tx, proposal.id, 'agreed');
  const updated = await updateCell(tx, cell, { status, assignment: proposal.assignment, terms: proposal.terms, openProposalId: null });
  events.push({
    type: 'cell.agreed',
    subjectId: cell.id,
    payload: { cellId: cell.id, proposalId: proposal.id, assignment: proposal.assignment, terms: proposal.terms, cellVersion: updated.version },
  });
  return { cell: updated, proposal: closed };
};

/**
 * 提案・承諾・却下・取下げ on one cell. Each mutation locks the cell row
 * (SELECT … FOR UPDATE) first, so concurrent writers to one cell are
 * serialized: a stale proposal gets 409, and concurrent accepts cannot both
 * miss — or both apply — the agreement.
 *
 * A reject from a required party disputes the cell (係争). The proposal stays
 * open so everyone sees what was rejected and why; further rejects are
 * recorded, accepts are refused (409 `proposal_disputed`) because the status
 * machine has no way from disputed to agreed: a counter-proposal (which may
 * repeat the same split) or a withdrawal settles it.
 */
export const createNegotiationService = ({ db, cellAccess }: Deps) => ({
  /** Proposes (or counters, superseding the open proposal) for the caller's own party. */
  propose: (actor: Actor, cellId: string, input: TProposeRequest): Promise<TProposalMutationResponse> =>
    db.transaction(async (tx) => {
      const { access: a, cell } = await cellAccess.cell(actor, cellId, 'cell:propose', tx, true);
      assertWritable(a);
      const party = ownParty(a);
      const parties = await loadParties(tx, cell.engagementId);
      if (cell.version !== input.version) throw await staleCell(tx, cell, input.version, parties);
      const assignment = assertValidAssignment(input.assignment, parties);
      const proposed = step(statusOf(cell), 'propose', cell);
      const open = cell.openProposalId ? await loadProposalWithResponses(tx, cell.openProposalId) : null;
      if (open) await closeProposal(tx, open.proposal.id, 'superseded');
      let proposal = await insertProposal(tx, {
        cellId,
        engagementId: cell.engagementId,
        proposerPartyId: party.id,
        proposerUserId: actor.userId,
        assignment,
        terms: input.terms ?? open?.proposal.terms ?? cell.terms,
        reason: input.reason,
        supersedesId: open?.proposal.id ?? null,
      });
      const events: EventSpec[] = [
        { type: open ? 'proposal.countered' : 'proposal.created', subjectId: cellId, payload: { ...proposalPayload(proposal), cellVersion: cell.version + 1 } },
      ];
      let updated: CellRow;
      // E.g. the hospital proposing a split in which only it holds R and A: nobody else's consent is needed.
      if (acceptanceState(proposal, [], parties).agreed) ({ cell: updated, proposal } = await applyAgreement(tx, cell, proposal, proposed, events));
      else updated = await updateCell(tx, cell, { status: proposed, openProposalId: proposal.id });
      await recordEvents(tx, a, events);
      return { cell: withOpenProposal(toCell(updated), { proposal, responses: [] }, parties), proposal: toProposal(proposal, []) };
    }),

  /** 承諾 / 却下 for the caller's own party; the agreement is applied in the same transaction when the rule is met. */
  respond: (actor: Actor, proposalId: string, response: 'accept' | 'reject', reason: string): Promise<TProposalMutationResponse> =>
    db.transaction(async (tx) => {
      const { access: a, cell, proposal } = await cellAccess.proposal(actor, proposalId, 'cell:respond', tx, true);
      assertWritable(a);
      const party = ownParty(a);
      const parties = await loadParties(tx, cell.engagementId);
      assertCanRespond(party.id, parties, party.id);
      if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
        throw conflict('proposal_closed', `Proposal ${proposalId} is ${proposal.status}; respond to the cell's open proposal instead.`, {
          current: await loadCellState(tx, cell, parties),
        });
      if (consentingProposer(proposal) === party.id)
        throw validationError('own_proposal', `Your party proposed ${proposalId}; withdraw it or make a new proposal instead of responding to it.`);
      if (response === 'accept' && cell.status === 'disputed')
        throw conflict('proposal_disputed', `Proposal ${proposalId} was rejected by a party whose consent it needs; counter it with a new proposal instead.`, {
          current: await loadCellState(tx, cell, parties),
        });
      // clock_timestamp(), not now(): the response is ordered by when it was made under the lock, not when its transaction began.
      await tx.insert(proposalResponses).values({ proposalId, partyId: party.id, userId: actor.userId, response, reason, createdAt: sql`clock_timestamp()` });
      // The proposal was read under the cell lock; only its responses changed.
      const responses = await loadResponses(tx, proposalId);
      const state = acceptanceState(proposal, responses, parties);
      const events: EventSpec[] = [
        {
          type: response === 'accept' ? 'proposal.accepted' : 'proposal.rejected',
          subjectId: cell.id,
          payload: { proposalId, cellId: cell.id, partyId: party.id, reason, cellVersion: cell.version + 1 },
        },
      ];
      let updated: CellRow;
      let final = proposal;
      if (response === 'accept' && state.agreed) ({ cell: updated, proposal: final } = await applyAgreement(tx, cell, proposal, statusOf(cell), events));
      else if (response === 'reject' && state.required.includes(party.id) && cell.status === 'proposed')
        updated = await updateCell(tx, cell, { status: step('proposed', 'reject', cell) });
      // The negotiation state shown with the cell changed, so its version moves too.
      else updated = await updateCell(tx, cell, {});
      await recordEvents(tx, a, events);
      return { cell: withOpenProposal(toCell(updated), { proposal: final, responses }, parties), proposal: toProposal(final, responses) };
    }),

  /** 取下げ: only the proposer's party; a template suggestion only by the engagement owner. */
  withdraw: (actor: Actor, proposalId: string): Promise<TProposalMutationResponse> =>
    db.transaction(async (tx) => {
      const { access: a, cell, proposal } = await cellAccess.proposal(actor, proposalId, 'cell:propose', tx, true);
      assertWritable(a);
      const mayWithdraw = proposal.suggested ? a.roles.includes('owner') : a.party?.id === proposal.proposerPartyId;
      if (!mayWithdraw)
        throw forbidden('not_proposer', proposal.suggested ? 'Only the engagement owner can withdraw a template suggestion.' : 'Only the party that made a proposal can withdraw it.');
      const parties = await loadParties(tx, cell.engagementId);
      if (proposal.status !== 'open' || cell.openProposalId !== proposal.id)
        throw conflict('proposal_closed', `Proposal ${proposalId} is ${proposal.status}; there is nothing to withdraw.`, {
          current: await loadCellState(tx, cell, parties),
        });
      const status = step(statusOf(cell), 'withdraw', cell);
      const closed = await closeProposal(tx, proposalId, 'withdrawn');
      const updated = await updateCell(tx, cell, { status, openProposalId: null });
      await recordEvents(tx, a, [
        { type: 'proposal.withdrawn', subjectId: cell.id, payload: { proposalId, cellId: cell.id, cellStatus: status, cellVersion: updated.version } },
      ]);
      const { responses } = (await loadProposalWithResponses(tx, proposalId))!;
      return { cell: withOpenProposal(toCell(updated), null, parties), proposal: toProposal(closed, responses) };
    }),
});
export type NegotiationService = ReturnType<typeof createNegotiationService>;
