import {
  type TAcceptanceParty,
  type TCell,
  type TCellWithProposal,
  type TOpenProposalView,
  type TResponseLike,
  latestResponses,
  pendingAcceptors,
  rejectingParties,
  requiredAcceptors,
} from '@bunkai/domain';
import type { proposalResponses, proposals } from '@bunkai/db';

export type ProposalRow = typeof proposals.$inferSelect;
export type ResponseRow = typeof proposalResponses.$inferSelect;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The party whose proposing counts as consent. A template suggestion is filed
 * under the hospital party but nobody proposed it, so nobody has consented yet:
 * the hospital must accept it explicitly like every R/A party (推奨分担は合意ではない).
 */
export const consentingProposer = (p: Pick<ProposalRow, 'suggested' | 'proposerPartyId'>): string | null =>
  p.suggested ? null : p.proposerPartyId;

export type AcceptanceState = {
  /** Hospital + every R/A party, minus a consenting proposer. */
  required: string[];
  pendingFrom: string[];
  acceptedBy: string[];
  rejectedBy: string[];
  /** Required parties whose latest word is a reject: they dispute the proposal. */
  requiredRejecting: string[];
  agreed: boolean;
};

const toLike = (r: Pick<ResponseRow, 'partyId' | 'response' | 'createdAt'>): TResponseLike => ({
  partyId: r.partyId,
  response: r.response,
  at: new Date(r.createdAt).toISOString(),
});

/** Where consent to one proposal stands, by the acceptance rule of the domain package. */
export const acceptanceState = (
  p: Pick<ProposalRow, 'assignment' | 'suggested' | 'proposerPartyId'>,
  responses: readonly Pick<ResponseRow, 'partyId' | 'response' | 'createdAt'>[],
  parties: readonly TAcceptanceParty[],
): AcceptanceState => {
  const proposer = consentingProposer(p);
  // No party has the empty id, so nothing is removed for a suggestion.
  const required = requiredAcceptors(p.assignment, parties, proposer ?? '');
  const like = responses.map(toLike);
  const latest = latestResponses(like);
  const pendingFrom = pendingAcceptors(required, like);
  const accepted = new Set([...latest].filter(([, r]) => r === 'accept').map(([id]) => id));
  if (proposer) accepted.add(proposer);
  return {
    required,
    pendingFrom,
    acceptedBy: [...accepted].sort(byCodeUnits),
    rejectedBy: [...latest]
      .filter(([, r]) => r === 'reject')
      .map(([id]) => id)
      .sort(byCodeUnits),
    requiredRejecting: rejectingParties(required, like),
    agreed: pendingFrom.length === 0,
  };
};

export const toOpenProposalView = (
  p: ProposalRow,
  responses: readonly ResponseRow[],
  parties: readonly TAcceptanceParty[],
): TOpenProposalView => {
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
export const withOpenProposal = (
  cell: TCell,
  open: { proposal: ProposalRow; responses: readonly ResponseRow[] } | null | undefined,
  parties: readonly TAcceptanceParty[],
): TCellWithProposal => ({
  ...cell,
  openProposal:
    open && cell.openProposalId === open.proposal.id && open.proposal.status === 'open'
      ? toOpenProposalView(open.proposal, open.responses, parties)
      : null,
});
