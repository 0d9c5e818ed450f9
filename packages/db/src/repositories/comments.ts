import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TComment } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { comments, events, proposalResponses, proposals } from '../schema/index.ts';
import { iso } from './time.ts';

export type CommentRow = typeof comments.$inferSelect;

export const toComment = (r: CommentRow): TComment => ({
  id: r.id,
  cellId: r.cellId,
  partyId: r.partyId,
  userId: r.userId,
  body: r.body,
  createdAt: iso(r.createdAt),
});

/** A cell's comments, oldest first. */
export const listComments = ({ cellId }: { cellId: string }, db: Db): Promise<CommentRow[]> =>
  db.select().from(comments).where(eq(comments.cellId, cellId)).orderBy(asc(comments.createdAt), asc(comments.id));

export const insertComment = async (values: Pick<CommentRow, 'id' | 'cellId' | 'engagementId' | 'partyId' | 'userId' | 'body'>, tx: Db): Promise<CommentRow> => {
  const [row] = await tx.insert(comments).values(values).returning();
  return row!;
};

/** Everything said about a cell: its proposals of every status with their responses, its comments and its events, oldest first. */
export const loadCellHistoryRows = async ({ engagementId, cellId }: { engagementId: string; cellId: string }, db: Db) => {
  const [proposalRows, commentRows, eventRows] = await Promise.all([
    db.select().from(proposals).where(eq(proposals.cellId, cellId)).orderBy(asc(proposals.createdAt), asc(proposals.id)),
    listComments({ cellId }, db),
    db
      .select()
      .from(events)
      .where(and(eq(events.engagementId, engagementId), eq(events.subjectId, cellId)))
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
  return { proposalRows, responseRows, commentRows, eventRows };
};
