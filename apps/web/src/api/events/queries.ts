import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TChainVerification, TEventsPage } from '@bunkai/domain';
import { api } from '../client.ts';
import { eventKeys } from './keys.ts';

const PAGE = 200;

export const useListEvents = (engagementId: string) =>
  useInfiniteQuery({
    queryKey: eventKeys.list(engagementId),
    initialPageParam: 0,
    queryFn: ({ signal, pageParam }) => api.get<TEventsPage>(`/api/v1/engagements/${engagementId}/events`, { signal, query: { after: pageParam, limit: PAGE } }),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });

export const useVerifyChain = (engagementId: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.verify(engagementId),
    queryFn: ({ signal }) => api.get<TChainVerification>(`/api/v1/engagements/${engagementId}/events/verify`, { signal }),
    enabled,
  });
