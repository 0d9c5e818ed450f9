import type { TAssignment, TCellDecision, TPartyRole, TTerms } from '../../packages/domain/src/index.ts';
import {
  acceptanceState,
  consentingProposer,
  decideApplicability,
  decideComment,
  decidePropose,
  decideRespond,
  decideReview,
  decideWithdraw,
  normalizeAssignment,
} from '../../packages/domain/src/index.ts';
import type { EventInput, cells, comments, proposalResponses, proposals } from '../../packages/db/src/index.ts';
import type { Rng } from '../lib/rng.ts';

export type CellRow = typeof cells.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ResponseRow = typeof proposalResponses.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;

/** A party as the simulation needs it: who acts for it. */
export type SimParty = { id: string; role: TPartyRole; organizationId: string; adminUserId: string; memberUserId: string };

/**
 * The negotiation (提案・承諾・却下・取下げ, コメント, キックオフ確認) played out
 * in memory through the same domain decisions as the API (`@bunkai/domain`
 * cells: rules and event payloads), so the rows and the event log it produces
 * are what the real routes would have written. Rows changed since the last
 * flush are tracked for the writer.
 */
export const createSimulation = (engagementId: string, parties: readonly SimParty[], rng: Rng) => {
  const cellById = new Map<string, CellRow>();
  const proposalById = new Map<string, ProposalRow>();
  const responsesOf = new Map<string, ResponseRow[]>();
  const pending = {
    events: [] as EventInput[],
    newProposals: new Set<string>(),
    dirtyProposals: new Set<string>(),
    dirtyCells: new Set<string>(),
    responses: [] as ResponseRow[],
    comments: [] as CommentRow[],
  };
  const acceptance = parties.map((p) => ({ id: p.id, role: p.role as never }));
  const hospital = parties.find((p) => p.role === 'hospital')!;
  let eventCount = 0;

  const now = () => new Date().toISOString();
  /** Responses to one proposal are ordered by time: never two at the same millisecond. */
  const after = (prev: string | undefined) => new Date(Math.max(Date.now(), prev ? Date.parse(prev) + 1 : 0)).toISOString();

  const emit = (party: SimParty, userId: string, type: string, subjectId: string | null, payload: Record<string, unknown>) => {
    pending.events.push({ engagementId, type, actorUserId: userId, actorPartyId: party.id, subjectId, payload });
    eventCount += 1;
  };
  const actorOf = (party: SimParty) => (rng.chance(0.7) ? party.adminUserId : party.memberUserId);

  const touchCell = (cell: CellRow, set: Partial<CellRow>) => {
    Object.assign(cell, set, { version: cell.version + 1, updatedAt: now() });
    pending.dirtyCells.add(cell.id);
  };
  const closeProposal = (p: ProposalRow, status: 'agreed' | 'superseded' | 'withdrawn') => {
    p.status = status;
    p.closedAt = now();
    if (!pending.newProposals.has(p.id)) pending.dirtyProposals.add(p.id);
  };
  const aggregate = (cell: CellRow, target: ProposalRow | null | undefined) => ({
    cell,
    target: target ? { proposal: target, responses: responsesOf.get(target.id) ?? [] } : null,
    parties: acceptance,
  });

  /** Applies a domain decision to the in-memory rows, as the API's write statement would. */
  const apply = (cell: CellRow, d: TCellDecision, party: SimParty, userId: string): ProposalRow | null => {
    if (d.close) closeProposal(proposalById.get(d.close.id)!, d.close.status);
    let inserted: ProposalRow | null = null;
    if (d.insert) {
      const at = now();
      inserted = { ...d.insert, engagementId, createdAt: at, closedAt: d.insert.status === 'open' ? null : at };
      proposalById.set(inserted.id, inserted);
      responsesOf.set(inserted.id, []);
      pending.newProposals.add(inserted.id);
    }
    touchCell(cell, d.next);
    for (const e of d.events) emit(party, userId, e.type, e.subjectId, e.payload);
    return inserted;
  };

  return {
    cellById,
    proposalById,
    pending,
    hospital,
    eventCount: () => eventCount,
    emit,

    addCell: (row: CellRow) => cellById.set(row.id, row),

    /** 提案 / 対案 for `party` (as negotiation-service.propose). */
    propose: (cell: CellRow, party: SimParty, raw: TAssignment, terms: TTerms, reason: string): ProposalRow => {
      const assignment = normalizeAssignment(raw);
      const userId = actorOf(party);
      const open = cell.openProposalId ? proposalById.get(cell.openProposalId) : undefined;
      const d = decidePropose(aggregate(cell, open), { actor: { userId, partyId: party.id }, proposalId: rng.uuid(), assignment, terms, reason, version: cell.version });
      return apply(cell, d, party, userId)!;
    },

    /** Parties whose consent the open proposal still needs, in party order. */
    pendingFrom: (p: ProposalRow): SimParty[] => {
      const s = acceptanceState(p, responsesOf.get(p.id) ?? [], acceptance);
      return parties.filter((x) => s.pendingFrom.includes(x.id));
    },
    required: (p: ProposalRow): SimParty[] => {
      const s = acceptanceState(p, [], acceptance);
      return parties.filter((x) => s.required.includes(x.id) && x.id !== consentingProposer(p));
    },

    /** 承諾 / 却下 (as negotiation-service.respond). */
    respond: (p: ProposalRow, party: SimParty, response: 'accept' | 'reject', reason: string) => {
      const cell = cellById.get(p.cellId)!;
      const userId = actorOf(party);
      const list = responsesOf.get(p.id)!;
      const at = after(list.at(-1)?.createdAt);
      const d = decideRespond(aggregate(cell, p), { actor: { userId, partyId: party.id }, response, reason, at });
      const row: ResponseRow = { id: rng.uuid(), ...d.respond!, createdAt: at };
      list.push(row);
      pending.responses.push(row);
      apply(cell, d, party, userId);
    },

    /** 取下げ (as negotiation-service.withdraw). */
    withdraw: (p: ProposalRow, party: SimParty) => {
      const cell = cellById.get(p.cellId)!;
      apply(cell, decideWithdraw(aggregate(cell, p), { partyId: party.id, isOwner: false }), party, actorOf(party));
    },

    comment: (cell: CellRow, party: SimParty, body: string) => {
      const userId = actorOf(party);
      const d = decideComment({ cell }, { actor: { userId, partyId: party.id }, commentId: rng.uuid(), body });
      pending.comments.push({ ...d.comment, createdAt: now() });
      for (const e of d.events) emit(party, userId, e.type, e.subjectId, e.payload);
    },

    /** キックオフ確認: 初回確認 and/or 完了日 (as review-service.review). */
    review: (cell: CellRow, party: SimParty, changes: { firstCheckAnswer?: 'yes' | 'no'; firstCheckOn?: string; completedOn?: string; completionDueOn?: string; notes?: string }) => {
      apply(cell, decideReview({ cell }, { ...changes, version: cell.version, today: now().slice(0, 10) }), party, actorOf(party));
    },

    /** 対象外 by the owner (as review-service.applicability). */
    notApplicable: (cell: CellRow, reason: string) => {
      apply(cell, decideApplicability({ cell }, { version: cell.version, notApplicable: true, reason }), hospital, hospital.adminUserId);
    },
  };
};
export type Simulation = ReturnType<typeof createSimulation>;
