import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { comments, revisions, signatures } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

/**
 * What the inbox (受信箱) reads besides the matrix: every comment of an engagement and
 * the frozen revisions waiting for signatures, with the parties that signed them.
 */
export const loadInboxSources = async ({ engagementId }: { engagementId: string }, db: Db) => {
  const [commentRows, frozen] = await Promise.all([
    db
      .select({ id: comments.id, cellId: comments.cellId, partyId: comments.partyId, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .where(eq(comments.engagementId, engagementId))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ id: revisions.id, number: revisions.number, frozenAt: revisions.frozenAt })
      .from(revisions)
      .where(and(eq(revisions.engagementId, engagementId), eq(revisions.status, 'frozen'))),
  ]);
  const signed = frozen.length
    ? await db.select({ revisionId: signatures.revisionId, partyId: signatures.partyId }).from(signatures).where(inArray(signatures.revisionId, frozen.map((r) => r.id)))
    : [];
  return {
    comments: commentRows.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    awaitingSignature: frozen.map((r) => ({
      id: r.id,
      number: r.number,
      frozenAt: isoOrNull(r.frozenAt),
      signedPartyIds: signed.filter((s) => s.revisionId === r.id).map((s) => s.partyId),
    })),
  };
};
