/**
 * A cell's state rebuilt from its events, and the same state taken from a
 * decision: the two must agree (property test), so the log alone tells what
 * each step did.
 */
import type { TAssignment, TTerms } from '../model/cell.ts';
import type { TCellStatus, TFirstCheckAnswer, TProposalResponse } from '../model/enums.ts';
import { acceptanceState, type TAcceptanceParty } from '../rules/acceptance.ts';
import { cellStep } from './negotiation.ts';
import type { TCellAggregate, TCellDecision, TCellEventSpec, TCellNext } from './types.ts';

export type TCellState = {
  cell: TCellNext & { version: number };
  /** The open proposal and the words said on it (oldest first). */
  open: {
    proposal: { id: string; proposerPartyId: string; suggested: boolean; assignment: TAssignment; terms: TTerms };
    responses: { partyId: string; response: TProposalResponse }[];
  } | null;
};

/** The state an aggregate stands for. */
export const cellStateOf = (agg: Pick<TCellAggregate, 'cell' | 'target'>): TCellState => {
  const { cell, target } = agg;
  const { id: _id, engagementId: _e, ...fields } = cell;
  const open = target && target.proposal.status === 'open' && cell.openProposalId === target.proposal.id ? target : null;
  return {
    cell: { ...fields },
    open: open
      ? {
          proposal: pickProposal(open.proposal),
          responses: open.responses.map((r) => ({ partyId: r.partyId, response: r.response })),
        }
      : null,
  };
};

const pickProposal = (p: { id: string; proposerPartyId: string; suggested: boolean; assignment: TAssignment; terms: TTerms }) => ({
  id: p.id,
  proposerPartyId: p.proposerPartyId,
  suggested: p.suggested,
  assignment: p.assignment,
  terms: p.terms,
});

/** The state after a decision, as the writer will leave it. */
export const stateAfter = (before: TCellState, d: TCellDecision): TCellState => {
  const cell = { ...d.next, version: before.cell.version + 1 };
  if (d.insert && d.insert.status === 'open') return { cell, open: { proposal: pickProposal(d.insert), responses: [] } };
  if (cell.openProposalId === null || d.close) return { cell, open: null };
  if (d.respond && before.open) return { cell, open: { ...before.open, responses: [...before.open.responses, { partyId: d.respond.partyId, response: d.respond.response }] } };
  return { cell, open: before.open };
};

type P = Record<string, unknown>;

/** Applies one event of the cell's log; parties decide who may dispute. */
export const applyCellEvent = (s: TCellState, e: TCellEventSpec, parties: readonly TAcceptanceParty[]): TCellState => {
  const p = e.payload as P;
  const version = typeof p.cellVersion === 'number' ? p.cellVersion : s.cell.version;
  const c = s.cell;
  switch (e.type) {
    case 'proposal.created':
    case 'proposal.countered': {
      const proposal = { id: p.proposalId as string, proposerPartyId: p.proposerPartyId as string, suggested: p.suggested as boolean, assignment: p.assignment as TAssignment, terms: p.terms as TTerms };
      return { cell: { ...c, status: cellStep(c, c.status, 'propose'), openProposalId: proposal.id, version }, open: { proposal, responses: [] } };
    }
    case 'cell.agreed':
      return { cell: { ...c, status: cellStep(c, c.status, 'agree'), assignment: p.assignment as TAssignment, terms: p.terms as TTerms, openProposalId: null, version }, open: null };
    case 'proposal.accepted':
    case 'proposal.rejected': {
      const response: TProposalResponse = e.type === 'proposal.accepted' ? 'accept' : 'reject';
      const open = s.open && { ...s.open, responses: [...s.open.responses, { partyId: p.partyId as string, response }] };
      const required = s.open ? acceptanceState(s.open.proposal, [], parties).required : [];
      const disputes = response === 'reject' && required.includes(p.partyId as string) && c.status === 'proposed';
      return { cell: { ...c, ...(disputes ? { status: cellStep(c, 'proposed', 'reject') } : {}), version }, open };
    }
    case 'proposal.withdrawn':
      return { cell: { ...c, status: p.cellStatus as TCellStatus, openProposalId: null, version }, open: null };
    case 'cell.reviewed': {
      const ch = p.changes as P;
      return {
        cell: {
          ...c,
          ...('firstCheckAnswer' in ch ? { firstCheckAnswer: ch.firstCheckAnswer as TFirstCheckAnswer | null, firstCheckOn: ch.firstCheckOn as string | null } : {}),
          ...('completedOn' in ch ? { completedOn: ch.completedOn as string | null } : {}),
          ...('dueOn' in ch ? { dueOn: ch.dueOn as string | null } : {}),
          ...('completionDueOn' in ch ? { completionDueOn: ch.completionDueOn as string | null } : {}),
          ...('notes' in ch ? { kickoffNotes: ch.notes as string } : {}),
          version,
        },
        open: s.open,
      };
    }
    case 'cell.not_applicable':
      return { cell: { ...c, status: cellStep(c, c.status, 'mark_not_applicable'), notApplicableReason: p.reason as string, openProposalId: null, version }, open: null };
    case 'cell.reopened':
      return { cell: { ...c, status: p.status as TCellStatus, notApplicableReason: null, version }, open: s.open };
    default:
      return s;
  }
};

export const replayCellEvents = (s: TCellState, events: readonly TCellEventSpec[], parties: readonly TAcceptanceParty[]): TCellState =>
  events.reduce((acc, e) => applyCellEvent(acc, e, parties), s);
