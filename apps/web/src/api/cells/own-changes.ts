import type { TEventItem } from '@bunkai/domain';

/**
 * Cells this tab has just changed and already put into its cache from the
 * mutation's response. The live stream sends the same change back a moment
 * later (our own event); without this, that echo would reload the whole
 * matrix (~3 MB on a large engagement) a second time for nothing.
 */
const ECHO_WINDOW_MS = 15_000;
const recent = new Map<string, number>();

export const noteOwnChange = (cellId: string, now = Date.now()) => {
  recent.set(cellId, now + ECHO_WINDOW_MS);
};

/** The cell an event is about: `payload.cellId` for proposal/comment events, else the subject itself. */
export const eventCellId = (e: Pick<TEventItem, 'subjectId' | 'payload'>): string | null => {
  const cellId = (e.payload as { cellId?: unknown } | null)?.cellId;
  return typeof cellId === 'string' ? cellId : (e.subjectId ?? null);
};

/** True for an event this user caused on a cell this tab already updated from the response. */
export const isOwnEcho = (e: Pick<TEventItem, 'subjectId' | 'payload' | 'actorUserId'>, myUserId: string | undefined, now = Date.now()): boolean => {
  if (!myUserId || e.actorUserId !== myUserId) return false;
  const cellId = eventCellId(e);
  const until = cellId ? recent.get(cellId) : undefined;
  if (until === undefined) return false;
  if (until < now) {
    recent.delete(cellId as string);
    return false;
  }
  return true;
};

/** For tests: forget every noted change. */
export const resetOwnChanges = () => recent.clear();
