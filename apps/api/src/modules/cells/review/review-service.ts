import { type TApplicabilityRequest, type TCellWithProposal, type TReviewRequest, decideApplicability, decideReview } from '@bunkai/domain';
import { type Db, loadCellState, todayUtc } from '@bunkai/db';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { decideOn, loadCell, writeDecision } from '../cell-access.ts';

type Deps = { db: Db; clock: Clock };

/**
 * Kickoff review (キックオフ確認): 初回確認 (はい/いいえ + date) and 完了日 per
 * cell, and marking a single cell 対象外 (not applicable) or reopening it.
 * Same shape as a negotiation step: the cell read under its lock, a domain
 * decision, one write statement with the events.
 */
export const createReviewService = ({ db, clock }: Deps) => ({
  review: (actor: Actor, cellId: string, input: TReviewRequest): Promise<{ cell: TCellWithProposal }> =>
    db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { cellId }, 'cell:review', true);
      const decision = await decideOn(tx, loaded, () => decideReview(loaded, { ...input, today: todayUtc(clock.now()) }));
      const written = await writeDecision(tx, loaded, decision);
      return { cell: await loadCellState({ cell: written.cell, parties: loaded.parties }, tx) };
    }),

  /** 対象外 (owner): a reason is required; an open proposal on the cell is withdrawn with it. */
  applicability: (actor: Actor, cellId: string, input: TApplicabilityRequest): Promise<{ cell: TCellWithProposal }> =>
    db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { cellId }, 'duty:write', true);
      const decision = await decideOn(tx, loaded, () => decideApplicability(loaded, input));
      const written = await writeDecision(tx, loaded, decision);
      return { cell: await loadCellState({ cell: written.cell, parties: loaded.parties }, tx) };
    }),
});
export type ReviewService = ReturnType<typeof createReviewService>;
