/**
 * The cell (分担) status machine. One table says which event is allowed in
 * which status; everything not in the table is refused, so the API and the web
 * app cannot drift apart on what a button may do.
 */
import type { TCellStatus } from '../model/enums.ts';
import { conflict } from '../errors.ts';

export const CELL_EVENTS = ['propose', 'reject', 'withdraw', 'agree', 'mark_not_applicable', 'reopen'] as const;
export type TCellEvent = (typeof CELL_EVENTS)[number];

export type TCellStatusContext = {
  /** The cell still holds an earlier agreed assignment (合意済みの分担) to fall back to. */
  hasAgreedAssignment: boolean;
};

type TTarget = TCellStatus | ((ctx: TCellStatusContext) => TCellStatus);

/** Back to the last agreement if there is one, else to nobody. */
const fallBack = (ctx: TCellStatusContext): TCellStatus => (ctx.hasAgreedAssignment ? 'agreed' : 'unassigned');

/**
 * `propose` from `proposed` is a counter-proposal (it supersedes the open one).
 * `withdraw` and `reopen` return to the previous agreement when there is one.
 */
export const CELL_TRANSITIONS: Readonly<Record<TCellStatus, Readonly<Partial<Record<TCellEvent, TTarget>>>>> = {
  unassigned: { propose: 'proposed', mark_not_applicable: 'not_applicable' },
  proposed: {
    propose: 'proposed',
    reject: 'disputed',
    withdraw: fallBack,
    agree: 'agreed',
    mark_not_applicable: 'not_applicable',
  },
  agreed: { propose: 'proposed', mark_not_applicable: 'not_applicable' },
  disputed: { propose: 'proposed', withdraw: fallBack, mark_not_applicable: 'not_applicable' },
  not_applicable: { reopen: fallBack },
};

/** The status after `event`, or null when the event is not allowed in `current`. */
export const tryNextCellStatus = (
  current: TCellStatus,
  event: TCellEvent,
  ctx: TCellStatusContext,
): TCellStatus | null => {
  const target = CELL_TRANSITIONS[current][event];
  if (target === undefined) return null;
  return typeof target === 'function' ? target(ctx) : target;
};

/** The status after `event`; throws `conflict/invalid_transition` when not allowed. */
export const nextCellStatus = (current: TCellStatus, event: TCellEvent, ctx: TCellStatusContext): TCellStatus => {
  const next = tryNextCellStatus(current, event, ctx);
  if (next === null) {
    throw conflict('invalid_transition', `A cell that is ${current} cannot take the action "${event}".`, {
      status: current,
      event,
    });
  }
  return next;
};

/** Events allowed in `current`, in CELL_EVENTS order (for enabling buttons). */
export const allowedCellEvents = (current: TCellStatus): TCellEvent[] =>
  CELL_EVENTS.filter((e) => CELL_TRANSITIONS[current][e] !== undefined);
