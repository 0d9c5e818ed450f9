import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TChainVerification, TEventsPage } from '@bunkai/domain';
import { api } from '../client.ts';
import { eventKeys } from './keys.ts';

const PAGE = 200;

/** A window of the chain: events with seq in (after, after + limit]. */
type Window = { after: number; limit: number };
export type TNewestFirstPage = TEventsPage & { window: Window };

/**
 * The audit trail newest first (issue 16, bug 2): the API lists oldest first
 * after a seq, so the first page reads the head seq and asks for the last
 * window; each next page is the window before it. Seqs of a sound chain are
 * 1..head without gaps, so the windows neither overlap nor skip.
 */
export const useListEventsNewestFirst = (engagementId: string) =>
  useInfiniteQuery({
    queryKey: [...eventKeys.list(engagementId), 'newest-first'] as const,
    initialPageParam: null as Window | null,
    queryFn: async ({ signal, pageParam }): Promise<TNewestFirstPage> => {
      const url = `/api/v1/engagements/${engagementId}/events`;
      let window = pageParam;
      if (!window) {
        const head = (await api.get<TEventsPage>(url, { signal, query: { after: 0, limit: 1 } })).headSeq;
        window = { after: Math.max(0, head - PAGE), limit: PAGE };
      }
      const page = await api.get<TEventsPage>(url, { signal, query: { after: window.after, limit: window.limit } });
      return { ...page, events: [...page.events].reverse(), window };
    },
    getNextPageParam: (last): Window | undefined => (last.window.after > 0 ? { after: Math.max(0, last.window.after - PAGE), limit: Math.min(PAGE, last.window.after) } : undefined),
  });

export const useVerifyChain = (engagementId: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.verify(engagementId),
    queryFn: ({ signal }) => api.get<TChainVerification>(`/api/v1/engagements/${engagementId}/events/verify`, { signal }),
    enabled,
  });
