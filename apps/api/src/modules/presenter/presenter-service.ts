import { PRESENTATION_SIGNAL, PRESENTATION_TTL_MINUTES, type TPresentation, type TPresentationSignal, conflict, notFound } from '@bunkai/domain';
import { type Db, type PresentationRow, presentationsRepository } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { SIGNALS_CHANNEL } from '../events/index.ts';

type Deps = { db: Db; access: EngagementAccessService; clock: Clock; ttlMs?: number };

/**
 * Presenter mode (発表者モード) of the kickoff review (初回確認): the state is one
 * database row per engagement, and each change is a `review.presentation`
 * signal on every API process's live streams (pg_notify at commit), so any
 * number of stateless API instances serve the followers.
 */
export const createPresenterService = ({ db, access, clock, ttlMs = PRESENTATION_TTL_MINUTES * 60_000 }: Deps) => {
  const repo = presentationsRepository(db);
  const active = (row: PresentationRow | null): TPresentation | null => (row && Date.parse(row.expiresAt) > clock.now().getTime() ? row : null);

  /** Inside the writer's transaction: the followers hear of it only if the change commits. */
  const signal = async (tx: Db, engagementId: string) => {
    const data: TPresentationSignal = { engagementId, presentation: active(await repo.find({ engagementId }, tx)) };
    await repo.notify({ channel: SIGNALS_CHANNEL, payload: `${engagementId}|${PRESENTATION_SIGNAL}|${JSON.stringify(data)}` }, tx);
    return data.presentation;
  };

  return {
    /** Who presents and which item, or null; every reader of the engagement (observers too) may follow. */
    get: async (actor: Actor, engagementId: string): Promise<TPresentation | null> => {
      await access.require(actor, engagementId, 'engagement:read');
      return active(await repo.find({ engagementId }));
    },

    /** Starts presenting, moves to `cellId`, or renews; another person's running presentation is a 409. */
    present: async (actor: Actor, engagementId: string, cellId: string): Promise<TPresentation> => {
      const a = await access.require(actor, engagementId, 'cell:review');
      if (!(await repo.cellInEngagement({ engagementId, cellId }))) throw notFound('Cell', cellId);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const ok = await repo.present(
          { engagementId, presenterUserId: actor.userId, presenterPartyId: a.party?.id ?? null, cellId, now: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() },
          tx,
        );
        if (!ok) {
          const other = active(await repo.find({ engagementId }, tx));
          throw conflict('presentation_taken', `${other?.presenterName ?? 'Someone else'} is presenting the kickoff review; they end it, or it expires without a move.`, { presentation: other });
        }
        const presentation = await signal(tx, engagementId);
        if (!presentation) throw new Error('presentation vanished in its own transaction');
        return presentation;
      });
    },

    /** The presenter ends it (idempotent). Someone else's running presentation is a state conflict (409), like starting over it. */
    end: async (actor: Actor, engagementId: string): Promise<void> => {
      await access.require(actor, engagementId, 'engagement:read');
      await db.transaction(async (tx) => {
        if (await repo.end({ engagementId, presenterUserId: actor.userId, now: clock.now().toISOString() }, tx)) {
          await signal(tx, engagementId);
          return;
        }
        if (active(await repo.find({ engagementId }, tx))) throw conflict('not_presenter', 'Only the presenter can end the presentation; it ends by itself when it expires.');
      });
    },
  };
};
export type PresenterService = ReturnType<typeof createPresenterService>;
