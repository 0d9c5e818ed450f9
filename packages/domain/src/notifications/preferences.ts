import { z } from 'zod';
import { ZDateTime } from '../model/primitives.ts';

/**
 * How a user hears of what waits for them: one digest e-mail per period (`immediate`: within a
 * minute of the first new item; `hourly`; `daily` at 09:00 JST), or `none` (unsubscribed).
 */
export const DIGEST_MODES = ['immediate', 'hourly', 'daily', 'none'] as const;
export type TDigestMode = (typeof DIGEST_MODES)[number];
export const NOTIFY_LANGS = ['ja', 'en'] as const;

export const ZPreferences = z.object({
  digest: z.enum(DIGEST_MODES),
  /** Also mail what is only for information (C/I parties, outcomes); off by default. */
  notifyInformational: z.boolean(),
  lang: z.enum(NOTIFY_LANGS),
  updatedAt: ZDateTime.nullable(),
});
export type TPreferences = z.infer<typeof ZPreferences>;
export const DEFAULT_PREFERENCES: TPreferences = { digest: 'immediate', notifyInformational: false, lang: 'ja', updatedAt: null };

export const ZPreferencesPatch = z
  .object({ digest: z.enum(DIGEST_MODES).optional(), notifyInformational: z.boolean().optional(), lang: z.enum(NOTIFY_LANGS).optional() })
  .strict();
export type TPreferencesPatch = z.infer<typeof ZPreferencesPatch>;

/** The unsubscribe link's parameters: the user and an HMAC of its id (no sign-in needed). */
export const ZUnsubscribeRequest = z.object({ userId: z.uuid(), token: z.string().length(64).regex(/^[0-9a-f]+$/) }).strict();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When the digest holding an item created at `at` is sent, and the key naming that digest
 * (one job per user and key: several instances enqueue it once). Daily digests go at 00:00 UTC = 09:00 JST.
 */
export const digestSlot = (mode: Exclude<TDigestMode, 'none'>, at: Date): { runAt: Date; key: string } => {
  const t = at.getTime();
  const start = mode === 'immediate' ? Math.floor(t / 60_000) * 60_000 : mode === 'hourly' ? Math.floor(t / HOUR) * HOUR : Math.floor(t / DAY) * DAY;
  const length = mode === 'immediate' ? 60_000 : mode === 'hourly' ? HOUR : DAY;
  // Even "immediate" waits for the end of its minute: a burst (a bulk accept) becomes one message.
  return { runAt: new Date(start + length), key: `${mode}:${new Date(start).toISOString()}` };
};
