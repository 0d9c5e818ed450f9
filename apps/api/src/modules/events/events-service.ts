import type { TEventsPage, TEventsQuery } from '@bunkai/domain';
import { type Db, eventsRepository, toEventItem, verifyChain } from '@bunkai/db';
import type { EngagementAccess, EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService };

/** The event log (イベントログ): paging, chain verification, and the access check the live stream needs. */
export const createEventsService = ({ db, access }: Deps) => {
  const repo = eventsRepository(db);
  return {
    list: async (actor: Actor, engagementId: string, q: TEventsQuery): Promise<TEventsPage> => {
      await access.require(actor, engagementId, 'audit:read');
      // One extra row tells whether another page exists without a count query.
      const [rows, headSeq] = await Promise.all([repo.listAfter({ engagementId, after: q.after, limit: q.limit + 1 }), repo.headSeq({ engagementId })]);
      const page = rows.slice(0, q.limit);
      return {
        events: page.map(toEventItem),
        nextAfter: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
        headSeq,
      };
    },

    verify: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'audit:read');
      return verifyChain(db, engagementId);
    },

    /** Who may open the live stream: the same readers as the log itself. */
    authorizeStream: (actor: Actor, engagementId: string): Promise<EngagementAccess> => access.require(actor, engagementId, 'audit:read'),
  };
};
export type EventsService = ReturnType<typeof createEventsService>;
