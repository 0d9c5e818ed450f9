import { z } from 'zod';
import { INBOX_KINDS } from '../inbox/inbox.ts';
import { ZDate, ZDateTime, ZId, ZLocalized, ZName } from '../model/primitives.ts';

/** GET /api/v1/me/inbox: what waits for the signed-in user's parties, per engagement and across all. */
export const ZInboxQuery = z.strictObject({ engagementId: ZId.optional() });
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

export const ZInboxResponse = ZInboxCounts.extend({
  engagements: z.array(ZInboxCounts.extend({ engagementId: ZId, title: ZName, partyId: ZId })),
  items: z.array(ZInboxItem),
});
export type TInboxResponse = z.infer<typeof ZInboxResponse>;
