import { z } from 'zod';

/**
 * A template date, relative to the day the engagement is created, so that no template ships a
 * support-end date that has already passed by the time someone uses it.
 */
export const ZTemplateDate = z.object({ monthsFromCreation: z.number().int().min(1).max(240) }).strict();
export type TTemplateDate = z.infer<typeof ZTemplateDate>;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar day `value` names for an engagement created on `creationDay` (YYYY-MM-DD, an ISO
 * timestamp whose date part is taken, or a Date read in UTC); the day of month is clamped to the target month's last day (Jan 31 + 1
 * month → Feb 28/29). Null stays null. Pure.
 */
export function resolveTemplateDate(value: TTemplateDate | null | undefined, creationDay: string | Date): string | null {
  if (value === null || value === undefined) return null;
  const day = (typeof creationDay === 'string' ? creationDay : creationDay.toISOString()).slice(0, 10);
  const m = ISO_DAY.exec(day);
  if (m === null) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const months = Number(m[1]) * 12 + (Number(m[2]) - 1) + value.monthsFromCreation;
  const year = Math.floor(months / 12);
  const month = months % 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = Math.min(Number(m[3]), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
