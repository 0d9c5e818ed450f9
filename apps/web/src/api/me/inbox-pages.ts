import { useInfiniteQuery } from '@tanstack/react-query';
import type { TInboxResponse } from '@bunkai/domain';
import { api } from '../client.ts';
import { meKeys } from './keys.ts';

// Apart from queries.ts: the header's counts are in the first chunk, the inbox page's pages are not.

/** Items per page of the inbox page (the API allows up to INBOX_PAGE_MAX). */
export const INBOX_PAGE_SIZE = 100;

/** 受信箱: what waits for the caller's parties, a page at a time (a large engagement has tens of thousands of items). */
export const useInbox = (engagementId?: string) =>
  useInfiniteQuery({
    queryKey: meKeys.inbox(engagementId),
    initialPageParam: 0,
    queryFn: ({ signal, pageParam }) => api.get<TInboxResponse>('/api/v1/me/inbox', { signal, query: { engagementId, offset: pageParam, limit: INBOX_PAGE_SIZE } }),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    refetchInterval: 60_000,
  });
