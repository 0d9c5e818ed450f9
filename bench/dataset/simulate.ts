import type { TAssignment, TCellStatus, TPartyRole, TTerms } from '../../packages/domain/src/index.ts';
import { nextCellStatus, normalizeAssignment, validateAssignment } from '../../packages/domain/src/index.ts';
import type { EventInput, cells, comments, proposalResponses, proposals } from '../../packages/db/src/index.ts';
import { acceptanceState, consentingProposer } from '../../apps/api/src/modules/matrix/proposal-state.ts';
import type { Rng } from '../lib/rng.ts';

export type CellRow = typeof cells.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ResponseRow = typeof proposalResponses.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;

/** A party as the simulation needs it: who acts for it. */
export type SimParty = { id: string; role: TPartyRole; organizationId: string; adminUserId: string; memberUserId: string };

/**
 * The negotiation (提案・承諾・却下・取下げ, コメント, キックオフ確認) played out
 * in memory with exactly the rules and event payloads of the API services
 * (negotiation-service, negotiation-comments, review-service), so the rows and
 * the event log it produces are what the real routes would have written.
 * Rows changed since the last flush are tracked for the writer.
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
  const step = (cell: CellRow, event: Parameters<typeof nextCellStatus>[1]) =>
    nextCellStatus(cell.status as TCellStatus, event, { hasAgreedAssignment: cell.assignment !== null });
  const payloadOf = (p: ProposalRow) => ({
    proposalId: p.id,
    cellId: p.cellId,
    proposerPartyId: p.proposerPartyId,
    suggested: p.suggested,
    supersedesId: p.supersedesId,
    assignment: p.assignment,
    terms: p.terms,
    reason: p.reason,
  });

  const agree = (cell: CellRow, p: ProposalRow, party: SimParty, userId: string) => {
    closeProposal(p, 'agreed');
    touchCell(cell, { status: step(cell, 'agree'), assignment: p.assignment, terms: p.terms, openProposalId: null });
    emit(party, userId, 'cell.agreed', cell.id, { cellId: cell.id, proposalId: p.id, assignment: p.assignment, terms: p.terms, cellVersion: cell.version });
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
      const check = validateAssignment(assignment, acceptance);
      if (!check.ok) throw new Error(`generator produced an invalid assignment: ${check.problems.map((x) => x.code).join(', ')}`);
      const userId = actorOf(party);
      const proposed = step(cell, 'propose');
      const open = cell.openProposalId ? proposalById.get(cell.openProposalId) : undefined;
      if (open) closeProposal(open, 'superseded');
      const p: ProposalRow = {
        id: rng.uuid(),
        cellId: cell.id,
        engagementId,
        proposerPartyId: party.id,
        proposerUserId: userId,
        assignment,
        terms,
        reason,
        status: 'open',
        suggested: false,
        supersedesId: open?.id ?? null,
        createdAt: now(),
        closedAt: null,
      };
      proposalById.set(p.id, p);
      responsesOf.set(p.id, []);
      pending.newProposals.add(p.id);
      emit(party, userId, open ? 'proposal.countered' : 'proposal.created', cell.id, { ...payloadOf(p), cellVersion: cell.version + 1 });
      if (acceptanceState(p, [], acceptance).agreed) {
        // Nobody else's consent is needed (e.g. the hospital takes R and A itself).
        cell.status = proposed;
        agree(cell, p, party, userId);
      } else touchCell(cell, { status: proposed, openProposalId: p.id });
      return p;
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
      if (p.status !== 'open' || cell.openProposalId !== p.id) throw new Error('generator responded to a closed proposal');
      if (response === 'accept' && cell.status === 'disputed') throw new Error('generator accepted a disputed proposal');
      const userId = actorOf(party);
      const list = responsesOf.get(p.id)!;
      const row: ResponseRow = { id: rng.uuid(), proposalId: p.id, partyId: party.id, userId, response, reason, createdAt: after(list.at(-1)?.createdAt) };
      list.push(row);
      pending.responses.push(row);
      const state = acceptanceState(p, list, acceptance);
      emit(party, userId, response === 'accept' ? 'proposal.accepted' : 'proposal.rejected', cell.id, {
        proposalId: p.id,
        cellId: cell.id,
        partyId: party.id,
        reason,
        cellVersion: cell.version + 1,
      });
      if (response === 'accept' && state.agreed) agree(cell, p, party, userId);
      else if (response === 'reject' && state.required.includes(party.id) && cell.status === 'proposed') touchCell(cell, { status: step(cell, 'reject') });
      else touchCell(cell, {});
    },

    /** 取下げ (as negotiation-service.withdraw). */
    withdraw: (p: ProposalRow, party: SimParty) => {
      const cell = cellById.get(p.cellId)!;
      const status = step(cell, 'withdraw');
      closeProposal(p, 'withdrawn');
      touchCell(cell, { status, openProposalId: null });
      emit(party, actorOf(party), 'proposal.withdrawn', cell.id, { proposalId: p.id, cellId: cell.id, cellStatus: status, cellVersion: cell.version });
    },

    comment: (cell: CellRow, party: SimParty, body: string) => {
      const userId = actorOf(party);
      const row: CommentRow = { id: rng.uuid(), cellId: cell.id, engagementId, partyId: party.id, userId, body, createdAt: now() };
      pending.comments.push(row);
      emit(party, userId, 'comment.created', cell.id, { commentId: row.id, cellId: cell.id, body });
    },

    /** キックオフ確認: 初回確認 and/or 完了日 (as review-service.review). */
    review: (cell: CellRow, party: SimParty, changes: { firstCheckAnswer?: 'yes' | 'no'; firstCheckOn?: string; completedOn?: string; notes?: string }) => {
      touchCell(cell, {
        ...(changes.firstCheckAnswer ? { firstCheckAnswer: changes.firstCheckAnswer, firstCheckOn: changes.firstCheckOn ?? null } : {}),
        ...(changes.completedOn ? { completedOn: changes.completedOn } : {}),
        ...(changes.notes !== undefined ? { kickoffNotes: changes.notes } : {}),
      });
      emit(party, actorOf(party), 'cell.reviewed', cell.id, { cellId: cell.id, changes, cellVersion: cell.version });
    },

    /** 対象外 by the owner (as review-service.applicability). */
    notApplicable: (cell: CellRow, reason: string) => {
      const status = step(cell, 'mark_not_applicable');
      const open = cell.openProposalId ? proposalById.get(cell.openProposalId) : undefined;
      if (open) closeProposal(open, 'withdrawn');
      touchCell(cell, { status, notApplicableReason: reason, openProposalId: null });
      emit(hospital, hospital.adminUserId, 'cell.not_applicable', cell.id, { cellId: cell.id, reason, withdrawnProposalId: open?.id ?? null, cellVersion: cell.version });
    },
  };
};
export type Simulation = ReturnType<typeof createSimulation>;
