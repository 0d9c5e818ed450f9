import { z } from 'zod';
import { ZDateTime, ZId, ZName } from '../model/primitives.ts';

/**
 * Presenter mode of the kickoff review (初回確認, 発表者モード): one participant
 * presents, the others' review pages follow the presented item live.
 */
export const PRESENTATION_TTL_MINUTES = 10;

/** The live-update frame (`event:` name on the engagement's SSE stream) that carries presentation changes; it has no `id:` and is not in the event log. */
export const PRESENTATION_SIGNAL = 'review.presentation';

export const ZPresentation = z.object({
  engagementId: ZId,
  presenterUserId: ZId,
  presenterName: ZName,
  presenterPartyId: ZId.nullable(),
  presenterPartyName: ZName.nullable(),
  /** The review item (cell) the presenter shows now. */
  cellId: ZId,
  startedAt: ZDateTime,
  updatedAt: ZDateTime,
  /** Without a move or renewal by then, the presentation is over. */
  expiresAt: ZDateTime,
});
export type TPresentation = z.infer<typeof ZPresentation>;

export const ZPresentationResponse = z.object({ presentation: ZPresentation.nullable() });
export type TPresentationResponse = z.infer<typeof ZPresentationResponse>;

/** Start presenting, move to another item, or renew (the same item again). */
export const ZPresentRequest = z.object({ cellId: ZId });
export type TPresentRequest = z.infer<typeof ZPresentRequest>;

/** What the SSE frame's `data:` holds. */
export const ZPresentationSignal = z.object({ engagementId: ZId, presentation: ZPresentation.nullable() });
export type TPresentationSignal = z.infer<typeof ZPresentationSignal>;
