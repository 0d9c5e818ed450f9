import { z } from 'zod';
import { ZEvent } from '../model/event.ts';

/** Largest page of the event log (イベントログ) one request may ask for. */
export const EVENTS_PAGE_MAX = 1000;

/** `?after=<seq>&limit=<n>`: events with seq > after, oldest first. */
export const ZEventsQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(100),
});
export type TEventsQuery = z.infer<typeof ZEventsQuery>;

/** One event as listed and streamed; the engagement is implied by the URL. */
export const ZEventItem = ZEvent.omit({ engagementId: true });
export type TEventItem = z.infer<typeof ZEventItem>;

export const ZEventsPage = z.object({
  events: z.array(ZEventItem),
  /** Pass as `after` to read the next page; null when this page reached the head of the chain. */
  nextAfter: z.number().int().nullable(),
  /** The seq of the newest event of the engagement (0 when none): where a fresh live stream starts. */
  headSeq: z.number().int().min(0),
});
export type TEventsPage = z.infer<typeof ZEventsPage>;

/** gap: a seq is missing; prev_hash_mismatch / hash_mismatch: a link was altered; truncated: events were removed from the end. */
export const CHAIN_BREAK_REASONS = ['gap', 'prev_hash_mismatch', 'hash_mismatch', 'truncated'] as const;

/** The result of recomputing an engagement's hash chain (改ざん検知). */
export const ZChainVerification = z.object({
  ok: z.boolean(),
  count: z.number().int().min(0),
  /** Hash of the last valid link (64 zeros for an empty chain). */
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  firstBreak: z
    .object({
      seq: z.number().int(),
      reason: z.enum(CHAIN_BREAK_REASONS),
      expected: z.string().max(200),
      actual: z.string().max(200),
    })
    .nullable(),
});
export type TChainVerification = z.infer<typeof ZChainVerification>;

/** `?after=<seq>` for the live stream; the `Last-Event-ID` header wins when both are sent. */
export const ZEventStreamQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
