/**
 * 督促 (reminders) of a consent still waiting: the first `firstAfterDays` after the proposal,
 * then every `everyDays`, at most `maxCount`. Which reminder is due now (0: none yet, or the
 * cap was reached long ago and the last one is still the current one). A reminder is sent once
 * per number, so one skipped while the system was down is not sent late twice.
 */
export type TReminderSettings = { firstAfterDays: number; everyDays: number; maxCount: number };

const DAY_MS = 86_400_000;

export const dueReminder = (proposedAt: string | Date, now: Date, s: TReminderSettings): number => {
  if (s.maxCount <= 0) return 0;
  const days = (now.getTime() - new Date(proposedAt).getTime()) / DAY_MS;
  if (days < s.firstAfterDays) return 0;
  return Math.min(s.maxCount, 1 + Math.floor((days - s.firstAfterDays) / Math.max(1, s.everyDays)));
};
