import type { TCellWithProposal, TOpenProposalView } from '../api/matrix.ts';
import type { TCell } from '../model/cell.ts';
import { acceptanceState, type TAcceptanceParty } from '../rules/acceptance.ts';
import type { TProposalRecord, TProposalWithResponses, TResponseRecord } from './types.ts';

/** The open proposal as the matrix shows it: who accepted, who is still asked, who rejected. */
export const toOpenProposalView = (p: TProposalRecord, responses: readonly TResponseRecord[], parties: readonly TAcceptanceParty[]): TOpenProposalView => {
  const s = acceptanceState(p, responses, parties);
  return {
    id: p.id,
    proposerPartyId: p.proposerPartyId,
    proposerUserId: p.proposerUserId,
    assignment: p.assignment,
    terms: p.terms,
    reason: p.reason,
    suggested: p.suggested,
    supersedesId: p.supersedesId,
    acceptedBy: s.acceptedBy,
    pendingFrom: s.pendingFrom,
    rejectedBy: s.rejectedBy,
    createdAt: new Date(p.createdAt).toISOString(),
  };
};

/** A cell with its open proposal (null when the proposal given is not the cell's open one). */
export const withOpenProposal = (cell: TCell, open: TProposalWithResponses | null | undefined, parties: readonly TAcceptanceParty[]): TCellWithProposal => ({
  ...cell,
  openProposal:
    open && cell.openProposalId === open.proposal.id && open.proposal.status === 'open' ? toOpenProposalView(open.proposal, open.responses, parties) : null,
});
