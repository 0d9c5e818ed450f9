import {
  type TApplicabilityRequest,
  type TCellStatus,
  type TCellWithProposal,
  type TReviewRequest,
  assertValidNotApplicable,
  nextCellStatus,
  validationError,
} from '@bunkai/domain';
import type { Db } from '@bunkai/db';
import { recordEvent } from '../events/index.ts';
import { todayUtc } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import { type CellAccess, loadParties } from '../matrix/cell-access.ts';
import { loadCellState } from '../matrix/matrix-repository.ts';
import { closeProposal, staleCell, updateCell } from '../negotiation/negotiation-repository.ts';

type Deps = { db: Db; cellAccess: CellAccess };

/**
 * Kickoff review (キックオフ確認): 初回確認 (はい/いいえ + date) and 完了日 per
 * cell, and marking a single cell 対象外 (not applicable) or reopening it.
 */
export const createReviewService = ({ db, cellAccess }: Deps) => ({
  review: (actor: Actor, cellId: string, input: TReviewRequest): Promise<{ cell: TCellWithProposal }> =>
    db.transaction(async (tx) => {
      const { access: a, cell } = await cellAccess.cell(actor, cellId, 'cell:review', tx, true);
      const parties = await loadParties(tx, cell.engagementId);
      if (cell.version !== input.version) throw await staleCell(tx, cell, input.version, parties);
      const { firstCheckAnswer, firstCheckOn, completedOn, notes } = input;
      if ([firstCheckAnswer, firstCheckOn, completedOn, notes].every((v) => v === undefined))
        throw validationError('empty_review', 'Send at least one of firstCheckAnswer, firstCheckOn, completedOn or notes.');
      const answer = firstCheckAnswer === undefined ? (cell.firstCheckAnswer as TReviewRequest['firstCheckAnswer'] | null) : firstCheckAnswer;
      // An answer given at the table without a date is dated today (UTC); clearing the answer clears its date.
      const on = firstCheckOn !== undefined ? firstCheckOn : firstCheckAnswer === undefined ? cell.firstCheckOn : firstCheckAnswer === null ? null : todayUtc();
      if (answer === null && on !== null)
        throw validationError('first_check_date_without_answer', '初回確認の日付には回答（はい/いいえ）が必要です / A 初回確認 date needs an answer (yes/no).');
      const changes = {
        ...(firstCheckAnswer !== undefined || firstCheckOn !== undefined ? { firstCheckAnswer: answer ?? null, firstCheckOn: on } : {}),
        ...(completedOn !== undefined ? { completedOn } : {}),
        ...(notes !== undefined ? { notes } : {}),
      };
      const updated = await updateCell(tx, cell, {
        firstCheckAnswer: answer ?? null,
        firstCheckOn: on,
        completedOn: completedOn === undefined ? cell.completedOn : completedOn,
        kickoffNotes: notes ?? cell.kickoffNotes,
      });
      await recordEvent(tx, a, { type: 'cell.reviewed', subjectId: cellId, payload: { cellId, changes, cellVersion: updated.version } });
      return { cell: await loadCellState(tx, updated, parties) };
    }),

  /** 対象外 (owner): a reason is required; an open proposal on the cell is withdrawn with it. */
  applicability: (actor: Actor, cellId: string, input: TApplicabilityRequest): Promise<{ cell: TCellWithProposal }> =>
    db.transaction(async (tx) => {
      const { access: a, cell } = await cellAccess.cell(actor, cellId, 'duty:write', tx, true);
      const parties = await loadParties(tx, cell.engagementId);
      if (cell.version !== input.version) throw await staleCell(tx, cell, input.version, parties);
      const ctx = { hasAgreedAssignment: cell.assignment !== null };
      if (input.notApplicable) {
        const reason = assertValidNotApplicable(input.reason);
        const status = nextCellStatus(cell.status as TCellStatus, 'mark_not_applicable', ctx);
        const withdrawnProposalId = cell.openProposalId ? (await closeProposal(tx, cell.openProposalId, 'withdrawn')).id : null;
        const updated = await updateCell(tx, cell, { status, notApplicableReason: reason, openProposalId: null });
        await recordEvent(tx, a, { type: 'cell.not_applicable', subjectId: cellId, payload: { cellId, reason, withdrawnProposalId, cellVersion: updated.version } });
        return { cell: await loadCellState(tx, updated, parties) };
      }
      const status = nextCellStatus(cell.status as TCellStatus, 'reopen', ctx);
      const updated = await updateCell(tx, cell, { status, notApplicableReason: null });
      await recordEvent(tx, a, { type: 'cell.reopened', subjectId: cellId, payload: { cellId, status, cellVersion: updated.version } });
      return { cell: await loadCellState(tx, updated, parties) };
    }),
});
export type ReviewService = ReturnType<typeof createReviewService>;
