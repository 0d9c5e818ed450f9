import { z } from 'zod';
import { INVALID_TEXT_MESSAGE, isCleanText } from './text.ts';

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

/**
 * A bounded string of clean text (text.ts). The API also refuses unclean text in every request
 * before validation (plugins/input-hygiene.ts); here it gives the web app the same answer.
 */
export const zBoundedText = (max: number) => z.string().trim().max(max).refine(isCleanText, INVALID_TEXT_MESSAGE);

export const ZName = zBoundedText(LIMITS.name).min(1);
export const ZShortText = zBoundedText(LIMITS.short);
export const ZText = zBoundedText(LIMITS.text);
// `toLowerCase` is an overwrite, not a transform, so the schema also serializes responses.
export const ZEmail = z.email().max(LIMITS.email).toLowerCase();
/** Calendar date without time, as written in the 確認表 (YYYY-MM-DD). */
export const ZDate = z.iso.date();
export const ZDateTime = z.iso.datetime({ offset: true });
export const ZVersion = z.number().int().min(1);

/** Bilingual text: Japanese first, English second. */
export const ZLocalized = z.object({
  ja: zBoundedText(LIMITS.text).min(1),
  en: zBoundedText(LIMITS.text).min(1),
});
export type TLocalized = z.infer<typeof ZLocalized>;
