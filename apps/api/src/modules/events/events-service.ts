import { and, asc, eq, gt } from 'drizzle-orm';
import type { TEventItem, TEventsPage, TEventsQuery } from '@bunkai/domain';
import { type Db, type EventRow, eventHeads, events, verifyChain } from '@bunkai/db';
import type { EngagementAccess, EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService };

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

/** Events of one engagement with seq > after, oldest first (the primary key serves this range scan). */
export const readEventsAfter = (db: Db, engagementId: string, after: number, limit: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.engagementId, engagementId), gt(events.seq, after)))
    .orderBy(asc(events.seq))
    .limit(limit);

/** The event log (イベントログ): paging, chain verification, and the access check the live stream needs. */
export const createEventsService = ({ db, access }: Deps) => ({
  list: async (actor: Actor, engagementId: string, q: TEventsQuery): Promise<TEventsPage> => {
    await access.require(actor, engagementId, 'audit:read');
    // One extra row tells whether another page exists without a count query.
    const [rows, [head]] = await Promise.all([
      readEventsAfter(db, engagementId, q.after, q.limit + 1),
      db.select({ seq: eventHeads.seq }).from(eventHeads).where(eq(eventHeads.engagementId, engagementId)),
    ]);
    const page = rows.slice(0, q.limit);
    return {
      events: page.map(toEventItem),
      nextAfter: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
      headSeq: head?.seq ?? 0,
    };
  },

  verify: async (actor: Actor, engagementId: string) => {
    await access.require(actor, engagementId, 'audit:read');
    return verifyChain(db, engagementId);
  },

  /** Who may open the live stream: the same readers as the log itself. */
  authorizeStream: (actor: Actor, engagementId: string): Promise<EngagementAccess> => access.require(actor, engagementId, 'audit:read'),
});
export type EventsService = ReturnType<typeof createEventsService>;
