/** Kickoff review (キックオフ確認: 初回確認 and 完了日), 対象外, and comments, decided without I/O. */
import { validationError } from '../errors.ts';
import { assertValidNotApplicable } from '../rules/assignment.ts';
import { commentedEvent, notApplicableEvent, reopenedEvent, reviewedEvent } from './events.ts';
import { assertCellVersion, cellStep, unchangedCell } from './negotiation.ts';
import type { TCellActor, TCellAggregate, TCellDecision, TCellEventSpec } from './types.ts';

export type TReviewInput = {
  version: number;
  firstCheckAnswer?: 'yes' | 'no' | null | undefined;
  firstCheckOn?: string | null | undefined;
  completedOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  completionDueOn?: string | null | undefined;
  notes?: string | undefined;
  /** Today (UTC, YYYY-MM-DD): the date of an answer given at the table without one. */
  today: string;
};

/**
 * 初回確認 (はい/いいえ + date), 完了日, and the deadlines 期限 (agree by) and 完了予定日 (complete by)
 * of a cell. A いいえ needs a 完了予定日 (the R7 checklist asks a target date for every いいえ) unless
 * the item is already completed.
 */
export const decideReview = ({ cell }: Pick<TCellAggregate, 'cell'>, input: TReviewInput): TCellDecision => {
  assertCellVersion(cell, input.version);
  const { firstCheckAnswer, firstCheckOn, completedOn, dueOn, completionDueOn, notes } = input;
  if ([firstCheckAnswer, firstCheckOn, completedOn, dueOn, completionDueOn, notes].every((v) => v === undefined))
    throw validationError('empty_review', 'Send at least one of firstCheckAnswer, firstCheckOn, completedOn, dueOn, completionDueOn or notes.');
  const answer = firstCheckAnswer === undefined ? cell.firstCheckAnswer : firstCheckAnswer;
  // An answer given at the table without a date is dated today (UTC); clearing the answer clears its date.
  const on = firstCheckOn !== undefined ? firstCheckOn : firstCheckAnswer === undefined ? cell.firstCheckOn : firstCheckAnswer === null ? null : input.today;
  if (answer === null && on !== null)
    throw validationError('first_check_date_without_answer', '初回確認の日付には回答（はい/いいえ）が必要です / A 初回確認 date needs an answer (yes/no).');
  const completed = completedOn === undefined ? cell.completedOn : completedOn;
  const target = completionDueOn === undefined ? cell.completionDueOn : completionDueOn;
  if (answer === 'no' && target === null && completed === null)
    throw validationError(
      'target_date_required',
      'いいえ の回答には完了予定日が必要です / A いいえ answer needs a target date (completionDueOn) until the item is completed.',
    );
  const changes = {
    ...(firstCheckAnswer !== undefined || firstCheckOn !== undefined ? { firstCheckAnswer: answer ?? null, firstCheckOn: on } : {}),
    ...(completedOn !== undefined ? { completedOn } : {}),
    ...(dueOn !== undefined ? { dueOn } : {}),
    ...(completionDueOn !== undefined ? { completionDueOn } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
  return {
    next: {
      ...unchangedCell(cell),
      firstCheckAnswer: answer ?? null,
      firstCheckOn: on,
      completedOn: completed,
      dueOn: dueOn === undefined ? cell.dueOn : dueOn,
      completionDueOn: target,
      kickoffNotes: notes ?? cell.kickoffNotes,
    },
    events: [reviewedEvent(cell.id, changes, cell.version + 1)],
  };
};

export type TApplicabilityInput = { version: number; notApplicable: boolean; reason?: string | undefined };

/** 対象外 (a reason is required; an open proposal on the cell is withdrawn with it), or reopening the cell. */
export const decideApplicability = ({ cell }: Pick<TCellAggregate, 'cell'>, input: TApplicabilityInput): TCellDecision => {
  assertCellVersion(cell, input.version);
  const v = cell.version + 1;
  if (input.notApplicable) {
    const reason = assertValidNotApplicable(input.reason);
    const status = cellStep(cell, cell.status, 'mark_not_applicable');
    const withdrawn = cell.openProposalId;
    return {
      next: { ...unchangedCell(cell), status, notApplicableReason: reason, openProposalId: null },
      ...(withdrawn ? { close: { id: withdrawn, status: 'withdrawn' as const } } : {}),
      events: [notApplicableEvent(cell.id, reason, withdrawn, v)],
    };
  }
  const status = cellStep(cell, cell.status, 'reopen');
  return { next: { ...unchangedCell(cell), status, notApplicableReason: null }, events: [reopenedEvent(cell.id, status, v)] };
};

export type TCommentDecision = {
  comment: { id: string; cellId: string; engagementId: string; partyId: string; userId: string; body: string };
  events: TCellEventSpec[];
};

/** A comment is said by the actor's own party; it does not change the cell (no version bump). */
export const decideComment = (
  { cell }: { cell: { id: string; engagementId: string } },
  input: { actor: TCellActor; commentId: string; body: string },
): TCommentDecision => ({
  comment: { id: input.commentId, cellId: cell.id, engagementId: cell.engagementId, partyId: input.actor.partyId, userId: input.actor.userId, body: input.body },
  events: [commentedEvent(input.commentId, cell.id, input.body)],
});
