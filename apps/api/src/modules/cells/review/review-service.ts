import { type TApplicabilityRequest, type TCellWithProposal, type TReviewRequest, decideApplicability, decideReview, withOpenProposal } from '@bunkai/domain';
import { type CellRow, type Db, toCell, todayUtc } from '@bunkai/db';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { type LoadedCell, decideOn, loadCell, writeDecision } from '../cell-access.ts';

type Deps = { db: Db; clock: Clock };

/** The cell as written, with its open proposal as read under the lock (neither step opens one; 対象外 may close it). */
const answer = (loaded: LoadedCell, cell: CellRow): TCellWithProposal =>
  withOpenProposal(toCell(cell), loaded.target && cell.openProposalId === loaded.target.proposal.id ? loaded.target : null, loaded.parties);

/**
 * Kickoff review (キックオフ確認): 初回確認 (はい/いいえ + date) and 完了日 per
 * cell, and marking a single cell 対象外 (not applicable) or reopening it.
 * Same shape as a negotiation step: the cell read under its lock, a domain
 * decision, one write statement with the events; the answer is built after the
 * commit from what was read and written (the chain head stays locked until then).
 */
export const createReviewService = ({ db, clock }: Deps) => ({
  review: async (actor: Actor, cellId: string, input: TReviewRequest): Promise<{ cell: TCellWithProposal }> => {
    const { loaded, written } = await db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { cellId }, 'cell:review', true);
      const decision = await decideOn(tx, loaded, () => decideReview(loaded, { ...input, today: todayUtc(clock.now()) }));
      return { loaded, written: await writeDecision(tx, loaded, decision) };
    });
    return { cell: answer(loaded, written.cell) };
  },

  /** 対象外 (owner): a reason is required; an open proposal on the cell is withdrawn with it. */
  applicability: async (actor: Actor, cellId: string, input: TApplicabilityRequest): Promise<{ cell: TCellWithProposal }> => {
    const { loaded, written } = await db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { cellId }, 'duty:write', true);
      const decision = await decideOn(tx, loaded, () => decideApplicability(loaded, input));
      return { loaded, written: await writeDecision(tx, loaded, decision) };
    });
    return { cell: answer(loaded, written.cell) };
  },
});
export type ReviewService = ReturnType<typeof createReviewService>;
