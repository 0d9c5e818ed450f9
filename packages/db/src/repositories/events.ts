import { and, asc, eq, gt } from 'drizzle-orm';
import type { TEventItem } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import type { EventRow } from '../event-chain.ts';
import { eventHeads, events } from '../schema/index.ts';

export const toEventItem = (r: EventRow): TEventItem => ({
  seq: r.seq,
  type: r.type,
  actorUserId: r.actorUserId,
  actorPartyId: r.actorPartyId,
  subjectId: r.subjectId,
  payload: r.payload,
  at: r.at,
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Reading the event log (appending is event-chain.ts: it owns the hash chain and the head lock). */
export const eventsRepository = (db: Db) => ({
  /** Events of one engagement with seq > after, oldest first (the primary key serves this range scan). */
  listAfter: ({ engagementId, after, limit }: { engagementId: string; after: number; limit: number }, tx: Db = db): Promise<EventRow[]> =>
    tx
      .select()
      .from(events)
      .where(and(eq(events.engagementId, engagementId), gt(events.seq, after)))
      .orderBy(asc(events.seq))
      .limit(limit),

  /** The seq of the chain's tip; 0 before the first event. */
  headSeq: async ({ engagementId }: { engagementId: string }, tx: Db = db): Promise<number> => {
    const [head] = await tx.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId));
    return head?.seq ?? 0;
  },
});
export type EventsRepository = ReturnType<typeof eventsRepository>;
