import { z } from 'zod';
import { INBOX_KINDS } from '../inbox/inbox.ts';
import { ZDate, ZDateTime, ZId, ZLocalized, ZName } from '../model/primitives.ts';

/** Items per page of GET /api/v1/me/inbox at most: a stress-size engagement has tens of thousands (11 MB of JSON). */
export const INBOX_PAGE_MAX = 500;

/** GET /api/v1/me/inbox/counts: the counts alone (the header's badge). */
export const ZInboxCountsQuery = z.strictObject({ engagementId: ZId.optional() });
export type TInboxCountsQuery = z.infer<typeof ZInboxCountsQuery>;

/**
 * GET /api/v1/me/inbox: what waits for the signed-in user's parties, per engagement and across all;
 * the items one page at a time (`offset` into the whole list, `limit` ≤ INBOX_PAGE_MAX), the counts always whole.
 */
export const ZInboxQuery = ZInboxCountsQuery.extend({
  limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MAX).default(INBOX_PAGE_MAX),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

const ZCount = z.number().int().min(0);
export const ZInboxCounts = z.object({ total: ZCount, byKind: z.record(z.enum(INBOX_KINDS), ZCount) });

export const ZInboxItem = z.object({
  kind: z.enum(INBOX_KINDS),
  engagementId: ZId,
  engagementTitle: ZName,
  partyId: ZId,
  cellId: ZId.nullable(),
  proposalId: ZId.nullable(),
  revisionId: ZId.nullable(),
  commentId: ZId.nullable(),
  comments: ZCount,
  dueOn: ZDate.nullable(),
  overdue: z.boolean(),
  since: ZDateTime.nullable(),
  /** The cell the item is about, to name it in a list: duty code and title, asset (null: engagement-wide); null for a revision. */
  subject: z.object({ code: z.string().max(40), title: ZLocalized, assetName: ZName.nullable() }).nullable().optional(),
  /** The web route to open (relative to PUBLIC_URL), e.g. `/engagements/<id>/matrix?cell=<cellId>`. */
  path: z.string().max(300),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxCountsResponse = ZInboxCounts.extend({
  engagements: z.array(ZInboxCounts.extend({ engagementId: ZId, title: ZName, partyId: ZId })),
});
export type TInboxCountsResponse = z.infer<typeof ZInboxCountsResponse>;

export const ZInboxResponse = ZInboxCountsResponse.extend({
  items: z.array(ZInboxItem),
  /** The `offset` of the next page; null: this page is the last. */
  nextOffset: z.number().int().min(0).nullable(),
});
export type TInboxResponse = z.infer<typeof ZInboxResponse>;
