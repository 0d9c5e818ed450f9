import { randomUUID } from 'node:crypto';
import { type TCellHistoryResponse, decideComment, notFound } from '@bunkai/domain';
import { type Db, type ProposalResponseRow, insertComment, listComments, loadCellHistoryRows, loadMatrix, toComment, toProposal } from '@bunkai/db';
import { ownParty } from '../../../access/engagement-access.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { recordEvents } from '../../events/index.ts';
import { loadCell } from '../cell-access.ts';

type Deps = { db: Db };

/** Comments thread per cell, and the cell's full history (提案・回答・コメント・確認記録). */
export const createCommentsService = ({ db }: Deps) => ({
  list: async (actor: Actor, cellId: string) => {
    await loadCell(db, actor, { cellId }, 'engagement:read');
    return { comments: (await listComments({ cellId }, db)).map(toComment) };
  },

  /** A comment is said by the caller's own party; it does not change the cell (no version bump). */
  create: (actor: Actor, cellId: string, body: string) =>
    db.transaction(async (tx) => {
      const { access, cell } = await loadCell(tx, actor, { cellId }, 'cell:comment');
      const party = ownParty(access);
      const decision = decideComment({ cell }, { actor: { userId: actor.userId, partyId: party.id }, commentId: randomUUID(), body });
      const row = await insertComment(decision.comment, tx);
      await recordEvents(tx, access, decision.events);
      return { comment: toComment(row) };
    }),

  /** Proposals of every status with their responses, comments, review changes and the cell's events, oldest first. */
  history: async (actor: Actor, cellId: string): Promise<TCellHistoryResponse> => {
    const { cell } = await loadCell(db, actor, { cellId }, 'engagement:read');
    const [m, rows] = await Promise.all([loadMatrix({ engagementId: cell.engagementId }, db), loadCellHistoryRows({ engagementId: cell.engagementId, cellId }, db)]);
    const byProposal = new Map<string, ProposalResponseRow[]>();
    for (const r of rows.responseRows) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
    const current = m.cells.find((c) => c.id === cellId);
    if (!current) throw notFound('Cell', cellId);
    return {
      cell: current,
      proposals: rows.proposalRows.map((p) => toProposal(p, byProposal.get(p.id) ?? [])),
      comments: rows.commentRows.map(toComment),
      reviewChanges: rows.eventRows
        .filter((e) => e.type === 'cell.reviewed')
        .map((e) => ({
          seq: e.seq,
          at: e.at,
          actorUserId: e.actorUserId,
          actorPartyId: e.actorPartyId,
          changes: (e.payload.changes ?? {}) as Record<string, unknown>,
        })),
      events: rows.eventRows,
    };
  },
});
export type CommentsService = ReturnType<typeof createCommentsService>;
