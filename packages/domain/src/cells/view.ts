import type { TCellWithProposal, TOpenProposalView } from '../api/matrix.ts';
import type { TCell } from '../model/cell.ts';
import { acceptanceState, consentingProposer, type TAcceptanceParty } from '../rules/acceptance.ts';
import type { TProposalRecord, TProposalWithResponses, TResponseRecord } from './types.ts';

/** The open proposal as the matrix shows it: who accepted, who is still asked, who rejected. */
export const toOpenProposalView = (p: TProposalRecord, responses: readonly TResponseRecord[], parties: readonly TAcceptanceParty[]): TOpenProposalView => {
  const s = acceptanceState(p, responses, parties);
  const proposer = consentingProposer(p);
  const must = [...new Set([...s.required, ...(proposer ? [proposer] : [])])];
  const latest = new Map<string, TResponseRecord>();
  for (const r of [...responses].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))) latest.set(r.partyId, r);
  const order = new Map(parties.map((x, i) => [x.id, i]));
  const byParty = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
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
    mustAccept: must.sort(byParty).map((partyId) => ({
      partyId,
      state: s.acceptedBy.includes(partyId) ? 'accepted' : s.requiredRejecting.includes(partyId) ? 'rejected' : 'pending',
    })),
    informed: Object.keys(p.assignment)
      .filter((id) => !must.includes(id) && (p.assignment[id]?.length ?? 0) > 0)
      .sort(byParty),
    rejections: [...latest.values()]
      .filter((r) => r.response === 'reject')
      .sort((a, b) => byParty(a.partyId, b.partyId))
      .map((r) => ({ partyId: r.partyId, userId: r.userId, reason: r.reason, at: new Date(r.createdAt).toISOString() })),
    createdAt: new Date(p.createdAt).toISOString(),
  };
};

/** A cell with its open proposal (null when the proposal given is not the cell's open one). */
export const withOpenProposal = (cell: TCell, open: TProposalWithResponses | null | undefined, parties: readonly TAcceptanceParty[]): TCellWithProposal => ({
  ...cell,
  openProposal:
    open && cell.openProposalId === open.proposal.id && open.proposal.status === 'open' ? toOpenProposalView(open.proposal, open.responses, parties) : null,
});
