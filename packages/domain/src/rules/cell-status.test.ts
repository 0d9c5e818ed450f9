import { describe, it, expect } from 'vitest';
import { CELL_STATUSES, type TCellStatus } from '../model/enums.ts';
import { isDomainError } from '../errors.ts';
import { CELL_EVENTS, allowedCellEvents, nextCellStatus, tryNextCellStatus, type TCellEvent } from './cell-status.ts';

/**
 * The expected machine, written out independently of the implementation's
 * table: [from, event, to without agreed assignment, to with agreed assignment].
 */
const ALLOWED: [TCellStatus, TCellEvent, TCellStatus, TCellStatus][] = [
  ['unassigned', 'propose', 'proposed', 'proposed'],
  ['unassigned', 'mark_not_applicable', 'not_applicable', 'not_applicable'],
  ['proposed', 'propose', 'proposed', 'proposed'],
  ['proposed', 'reject', 'disputed', 'disputed'],
  ['proposed', 'withdraw', 'unassigned', 'agreed'],
  ['proposed', 'agree', 'agreed', 'agreed'],
  ['proposed', 'mark_not_applicable', 'not_applicable', 'not_applicable'],
  ['agreed', 'propose', 'proposed', 'proposed'],
  ['agreed', 'mark_not_applicable', 'not_applicable', 'not_applicable'],
  ['disputed', 'propose', 'proposed', 'proposed'],
  ['disputed', 'withdraw', 'unassigned', 'agreed'],
  ['disputed', 'mark_not_applicable', 'not_applicable', 'not_applicable'],
  ['not_applicable', 'reopen', 'unassigned', 'agreed'],
];

const allowedKey = new Set(ALLOWED.map(([from, event]) => `${from}/${event}`));
const FORBIDDEN = CELL_STATUSES.flatMap((from) =>
  CELL_EVENTS.filter((event) => !allowedKey.has(`${from}/${event}`)).map((event) => [from, event] as const),
);

describe('nextCellStatus', () => {
  it('covers every status × event pair exactly once', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(CELL_STATUSES.length * CELL_EVENTS.length);
    expect(FORBIDDEN).toHaveLength(17);
  });

  it.each(ALLOWED)('%s + %s → %s (no agreed assignment) / %s (with one)', (from, event, toWithout, toWith) => {
    expect(nextCellStatus(from, event, { hasAgreedAssignment: false })).toBe(toWithout);
    expect(nextCellStatus(from, event, { hasAgreedAssignment: true })).toBe(toWith);
  });

  it.each(FORBIDDEN)('%s + %s is refused with conflict/invalid_transition', (from, event) => {
    for (const hasAgreedAssignment of [false, true]) {
      expect(tryNextCellStatus(from, event, { hasAgreedAssignment })).toBeNull();
      try {
        nextCellStatus(from, event, { hasAgreedAssignment });
        expect.unreachable();
      } catch (e) {
        expect(isDomainError(e)).toBe(true);
        if (!isDomainError(e)) return;
        expect(e.kind).toBe('conflict');
        expect(e.code).toBe('invalid_transition');
        expect(e.details).toEqual({ status: from, event });
      }
    }
  });

  it('allowedCellEvents lists the allowed events per status', () => {
    for (const s of CELL_STATUSES) {
      expect(allowedCellEvents(s)).toEqual(CELL_EVENTS.filter((e) => allowedKey.has(`${s}/${e}`)));
    }
    expect(allowedCellEvents('not_applicable')).toEqual(['reopen']);
  });
});
