/**
 * Calendar arithmetic on YYYY-MM-DD strings (the 確認表's own date form) in
 * UTC, so the answer never depends on the server's time zone or clock.
 */
import { validationError } from '../errors.ts';

const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date; throws on anything else (e.g. 2025-02-30). */
export const dayNumber = (date: string): number => {
  const m = DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC rolls 02-30 over into March; a round trip catches it.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / MS_PER_DAY;
    }
  }
  throw validationError('invalid_date', `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
