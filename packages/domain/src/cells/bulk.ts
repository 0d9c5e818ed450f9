import type { TAssignment, TTerms } from '../model/cell.ts';
import { validationError } from '../errors.ts';
import { acceptanceState } from '../rules/acceptance.ts';
import { assertValidAssignment, type TAssignmentParty } from '../rules/assignment.ts';
import { agreedEvent, proposedEvent } from './events.ts';
import { cellStep, unchangedCell } from './negotiation.ts';
import type { TCellActor, TCellDecision, TCellRecord, TNewProposal, TProposalRecord } from './types.ts';

export type TBulkInput = {
  actor: TCellActor;
  engagementId: string;
  cellIds: readonly string[];
  assignment: TAssignment;
  terms?: TTerms | undefined;
  reason: string;
  /** Ids for the new proposals, one per call. */
  newId: () => string;
};

export type TBulkAggregate = {
  /** The engagement's cells among those asked for, locked. */
  cells: readonly TCellRecord[];
  /** Their open proposals by id. */
  openById: ReadonlyMap<string, Pick<TProposalRecord, 'id' | 'terms'>>;
  parties: readonly TAssignmentParty[];
};

export type TBulkStep = TCellDecision & { cell: TCellRecord; insert: TNewProposal };

export type TBulkDecision = {
  steps: TBulkStep[];
  results: { cellId: string; proposalId: string; supersededId: string | null; status: 'proposed' | 'agreed'; version: number }[];
};

/**
 * 一括提案: the same split for many cells (e.g. every client terminal), all or
 * nothing. Cells of another engagement (or unknown) and 対象外 cells are
 * refused together with a list, never skipped. Open proposals are countered
 * exactly as a single proposal would counter them, with the same events
 * (marked `bulk`).
 */
export const decideBulk = (agg: TBulkAggregate, input: TBulkInput): TBulkDecision => {
  const assignment = assertValidAssignment(input.assignment, agg.parties);
  const found = new Set(agg.cells.map((r) => r.id));
  const notInEngagement = input.cellIds.filter((id) => !found.has(id));
  const notApplicable = agg.cells.filter((r) => r.status === 'not_applicable').map((r) => r.id);
  if (notInEngagement.length > 0 || notApplicable.length > 0)
    throw validationError(
      'invalid_bulk_cells',
      `Nothing was proposed: ${notInEngagement.length} cell(s) are not in engagement ${input.engagementId} and ${notApplicable.length} are marked not applicable.`,
      { notInEngagement, notApplicable },
    );
  const immediate = acceptanceState({ assignment, suggested: false, proposerPartyId: input.actor.partyId }, [], agg.parties).agreed;
  const steps = agg.cells.map((cell): TBulkStep => {
    const open = cell.openProposalId ? (agg.openById.get(cell.openProposalId) ?? null) : null;
    const proposed = cellStep(cell, cell.status, 'propose');
    const status = immediate ? cellStep(cell, proposed, 'agree') : proposed;
    const insert: TNewProposal = {
      id: input.newId(),
      cellId: cell.id,
      proposerPartyId: input.actor.partyId,
      proposerUserId: input.actor.userId,
      assignment,
      terms: input.terms ?? open?.terms ?? cell.terms,
      reason: input.reason,
      suggested: false,
      supersedesId: open?.id ?? null,
      status: immediate ? 'agreed' : 'open',
    };
    const cellVersion = cell.version + 1;
    const events = [proposedEvent(insert, cellVersion, true), ...(immediate ? [agreedEvent(cell.id, insert, cellVersion)] : [])];
    const next = immediate
      ? { ...unchangedCell(cell), status, assignment, terms: insert.terms, openProposalId: null }
      : { ...unchangedCell(cell), status, openProposalId: insert.id };
    return { cell, next, ...(open ? { close: { id: open.id, status: 'superseded' as const } } : {}), insert, events };
  });
  const byCell = new Map(steps.map((s) => [s.cell.id, s]));
  return {
    steps,
    results: input.cellIds.map((cellId) => {
      const s = byCell.get(cellId)!;
      return { cellId, proposalId: s.insert.id, supersededId: s.close?.id ?? null, status: s.next.status as 'proposed' | 'agreed', version: s.cell.version + 1 };
    }),
  };
};
