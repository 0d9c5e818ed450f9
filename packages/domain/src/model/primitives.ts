import { z } from 'zod';

/** Every string crossing a boundary is bounded; these are the shared bounds. */
export const LIMITS = {
  code: 40,
  name: 200,
  short: 500,
  text: 4000,
  email: 254,
  password: 200,
  phone: 40,
} as const;

export const ZId = z.uuid();
export type TId = z.infer<typeof ZId>;

export const ZName = z.string().trim().min(1).max(LIMITS.name);
export const ZShortText = z.string().trim().max(LIMITS.short);
export const ZText = z.string().trim().max(LIMITS.text);
// `toLowerCase` is an overwrite, not a transform, so the schema also serializes responses.
export const ZEmail = z.email().max(LIMITS.email).toLowerCase();
/** Calendar date without time, as written in the 確認表 (YYYY-MM-DD). */
export const ZDate = z.iso.date();
export const ZDateTime = z.iso.datetime({ offset: true });
export const ZVersion = z.number().int().min(1);

/** Bilingual text: Japanese first, English second. */
export const ZLocalized = z.object({
  ja: z.string().trim().min(1).max(LIMITS.text),
  en: z.string().trim().min(1).max(LIMITS.text),
});
export type TLocalized = z.infer<typeof ZLocalized>;
