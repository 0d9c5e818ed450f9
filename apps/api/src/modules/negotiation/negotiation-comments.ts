import { and, asc, eq, inArray } from 'drizzle-orm';
import { type TCellHistoryResponse, type TComment, notFound } from '@bunkai/domain';
import { type Db, comments, events, proposalResponses, proposals } from '@bunkai/db';
import { ownParty } from '../../access/engagement-access.ts';
import { recordEvent } from '../events/index.ts';
import { toProposal } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import { type CellAccess } from '../matrix/cell-access.ts';
import { loadMatrix } from '../matrix/matrix-repository.ts';
import type { ResponseRow } from '../matrix/proposal-state.ts';

type Deps = { db: Db; cellAccess: CellAccess };

const toComment = (r: typeof comments.$inferSelect): TComment => ({
  id: r.id,
  cellId: r.cellId,
  partyId: r.partyId,
  userId: r.userId,
  body: r.body,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** Comments thread per cell, and the cell's full history (提案・回答・コメント・確認記録). */
export const createCommentsService = ({ db, cellAccess }: Deps) => ({
  list: async (actor: Actor, cellId: string) => {
    await cellAccess.cell(actor, cellId, 'engagement:read');
    const rows = await db.select().from(comments).where(eq(comments.cellId, cellId)).orderBy(asc(comments.createdAt), asc(comments.id));
    return { comments: rows.map(toComment) };
  },

  /** A comment is said by the caller's own party; it does not change the cell (no version bump). */
  create: (actor: Actor, cellId: string, body: string) =>
    db.transaction(async (tx) => {
      const { access: a, cell } = await cellAccess.cell(actor, cellId, 'cell:comment', tx);
      const party = ownParty(a);
      const [row] = await tx.insert(comments).values({ cellId, engagementId: cell.engagementId, partyId: party.id, userId: actor.userId, body }).returning();
      await recordEvent(tx, a, { type: 'comment.created', subjectId: cellId, payload: { commentId: row!.id, cellId, body } });
      return { comment: toComment(row!) };
    }),

  /** Proposals of every status with their responses, comments, review changes and the cell's events, oldest first. */
  history: async (actor: Actor, cellId: string): Promise<TCellHistoryResponse> => {
    const { cell } = await cellAccess.cell(actor, cellId, 'engagement:read');
    const [m, proposalRows, commentRows, eventRows] = await Promise.all([
      loadMatrix(db, cell.engagementId),
      db.select().from(proposals).where(eq(proposals.cellId, cellId)).orderBy(asc(proposals.createdAt), asc(proposals.id)),
      db.select().from(comments).where(eq(comments.cellId, cellId)).orderBy(asc(comments.createdAt), asc(comments.id)),
      db
        .select()
        .from(events)
        .where(and(eq(events.engagementId, cell.engagementId), eq(events.subjectId, cellId)))
        .orderBy(asc(events.seq)),
    ]);
    const responseRows = proposalRows.length
      ? await db
          .select()
          .from(proposalResponses)
          .where(
            inArray(
              proposalResponses.proposalId,
              proposalRows.map((p) => p.id),
            ),
          )
          .orderBy(asc(proposalResponses.createdAt), asc(proposalResponses.id))
      : [];
    const byProposal = new Map<string, ResponseRow[]>();
    for (const r of responseRows) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
    const current = m.cells.find((c) => c.id === cellId);
    if (!current) throw notFound('Cell', cellId);
    return {
      cell: current,
      proposals: proposalRows.map((p) => toProposal(p, byProposal.get(p.id) ?? [])),
      comments: commentRows.map(toComment),
      reviewChanges: eventRows
        .filter((e) => e.type === 'cell.reviewed')
        .map((e) => ({
          seq: e.seq,
          at: e.at,
          actorUserId: e.actorUserId,
          actorPartyId: e.actorPartyId,
          changes: (e.payload.changes ?? {}) as Record<string, unknown>,
        })),
      events: eventRows,
    };
  },
});
export type CommentsService = ReturnType<typeof createCommentsService>;
