/**
 * The consent rule of a 提案 (proposal): nobody gets work without consenting.
 * A proposal becomes the agreed 分担 when the hospital and every 当事者 the
 * proposal makes R (実施) or A (責任) have accepted. The proposer counts as
 * accepting — proposing is consent to one's own proposal.
 */
import type { TAssignment } from '../model/cell.ts';
import type { TProposalResponse } from '../model/enums.ts';
import type { TParty } from '../model/party.ts';
import { forbidden } from '../errors.ts';

export type TAcceptanceParty = Pick<TParty, 'id' | 'role'>;

/** A response as the rule sees it; `at` (ISO date-time) orders responses when present. */
export type TResponseLike = { partyId: string; response: TProposalResponse; at?: string };

export type TProposalLike = {
  assignment: TAssignment;
  proposerPartyId: string;
  responses: readonly TResponseLike[];
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Parties whose acceptance is still required besides the proposer: every
 * hospital party plus every party the assignment gives R or A, minus the
 * proposer (who has consented by proposing). Sorted, unique.
 */
export const requiredAcceptors = (
  assignment: TAssignment,
  parties: readonly TAcceptanceParty[],
  proposerPartyId: string,
): string[] => {
  const ids = new Set<string>();
  for (const p of parties) if (p.role === 'hospital') ids.add(p.id);
  for (const [partyId, roles] of Object.entries(assignment)) {
    if (roles.includes('R') || roles.includes('A')) ids.add(partyId);
  }
  ids.delete(proposerPartyId);
  return [...ids].sort(byCodeUnits);
};

const timeOf = (at: string | undefined): number => (at === undefined ? Number.NaN : Date.parse(at));

/**
 * Each party's latest response. Later in the array wins, except that a
 * response with an earlier timestamp than the one already seen does not
 * override it — so callers may pass rows in any order when `at` is set.
 */
export const latestResponses = (responses: readonly TResponseLike[]): Map<string, TProposalResponse> => {
  const latest = new Map<string, { response: TProposalResponse; t: number }>();
  for (const r of responses) {
    const t = timeOf(r.at);
    const prev = latest.get(r.partyId);
    if (prev && Number.isFinite(prev.t) && Number.isFinite(t) && t < prev.t) continue;
    latest.set(r.partyId, { response: r.response, t });
  }
  return new Map([...latest].map(([id, v]) => [id, v.response]));
};

/** Required parties whose latest response is not an accept (sorted). */
export const pendingAcceptors = (requiredIds: readonly string[], responses: readonly TResponseLike[]): string[] => {
  const latest = latestResponses(responses);
  return [...new Set(requiredIds)].filter((id) => latest.get(id) !== 'accept').sort(byCodeUnits);
};

/** Required parties whose latest response is a reject (sorted): the proposal is disputed by them. */
export const rejectingParties = (requiredIds: readonly string[], responses: readonly TResponseLike[]): string[] => {
  const latest = latestResponses(responses);
  return [...new Set(requiredIds)].filter((id) => latest.get(id) === 'reject').sort(byCodeUnits);
};

/** True when every required acceptor (see `requiredAcceptors`) has accepted as its latest word. */
export const isAgreed = (proposal: TProposalLike, parties: readonly TAcceptanceParty[]): boolean =>
  pendingAcceptors(requiredAcceptors(proposal.assignment, parties, proposal.proposerPartyId), proposal.responses)
    .length === 0;

/**
 * Whether `partyId` may accept or reject a proposal: any party of the
 * engagement except observers (オブザーバー read, they do not negotiate), and
 * only for itself — `actingPartyId` is the party of the user who asks.
 */
export const canRespond = (
  partyId: string,
  parties: readonly TAcceptanceParty[],
  actingPartyId: string = partyId,
): boolean => {
  if (partyId !== actingPartyId) return false;
  const party = parties.find((p) => p.id === partyId);
  return party !== undefined && party.role !== 'observer';
};

/** Throws `forbidden/cannot_respond` unless `canRespond`. */
export const assertCanRespond = (
  partyId: string,
  parties: readonly TAcceptanceParty[],
  actingPartyId: string = partyId,
): void => {
  if (canRespond(partyId, parties, actingPartyId)) return;
  const party = parties.find((p) => p.id === partyId);
  const why =
    partyId !== actingPartyId
      ? 'a party can only respond for itself'
      : party === undefined
        ? 'the party is not part of this engagement'
        : 'observers cannot respond to proposals';
  throw forbidden('cannot_respond', `Cannot respond to this proposal: ${why}.`);
};

/**
 * The party whose proposing counts as consent. A template suggestion is filed
 * under the hospital party but nobody proposed it, so nobody has consented yet:
 * the hospital must accept it explicitly like every R/A party (推奨分担は合意ではない).
 */
export const consentingProposer = (p: { suggested: boolean; proposerPartyId: string }): string | null =>
  p.suggested ? null : p.proposerPartyId;

export type TAcceptanceState = {
  /** Hospital + every R/A party, minus a consenting proposer. */
  required: string[];
  pendingFrom: string[];
  acceptedBy: string[];
  rejectedBy: string[];
  /** Required parties whose latest word is a reject: they dispute the proposal. */
  requiredRejecting: string[];
  agreed: boolean;
};

/** A stored response as the acceptance state reads it (`createdAt` orders a party's words). */
export type TStoredResponseLike = { partyId: string; response: TProposalResponse; createdAt: string };

/** Where consent to one proposal stands. */
export const acceptanceState = (
  p: { assignment: TAssignment; suggested: boolean; proposerPartyId: string },
  responses: readonly TStoredResponseLike[],
  parties: readonly TAcceptanceParty[],
): TAcceptanceState => {
  const proposer = consentingProposer(p);
  // No party has the empty id, so nothing is removed for a suggestion.
  const required = requiredAcceptors(p.assignment, parties, proposer ?? '');
  const like = responses.map((r) => ({ partyId: r.partyId, response: r.response, at: new Date(r.createdAt).toISOString() }));
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
