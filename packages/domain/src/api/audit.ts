import { z } from 'zod';
import { ZDate, ZId } from '../model/primitives.ts';
import { ZEventItem } from './events.ts';

/**
 * 監査証跡 on screen: newest first, filtered (issue 16). `type` matches one event type
 * (`proposal.accepted`) or a family by its prefix (`proposal.`); `from`/`to` are
 * inclusive calendar days in UTC; `before` pages backwards by seq.
 */
export const ZAuditEventsQuery = z.object({
  cellId: ZId.optional(),
  partyId: ZId.optional(),
  type: z
    .string()
    .max(64)
    .regex(/^[a-z_]+(\.[a-z_]*)?$/)
    .optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditEventsQuery = z.infer<typeof ZAuditEventsQuery>;

export const ZAuditEvent = ZEventItem.extend({ actorUserName: z.string().max(200).nullable() });
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventsPage = z.object({
  events: z.array(ZAuditEvent),
  /** Pass as `before` to read the next (older) page; null when this page reached the oldest match. */
  nextBefore: z.number().int().nullable(),
});
export type TAuditEventsPage = z.infer<typeof ZAuditEventsPage>;
