import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TAuditEventsPage, TChainVerification } from '@bunkai/domain';
import { api } from '../client.ts';
import { eventKeys } from './keys.ts';

export const useVerifyChain = (engagementId: string, enabled: boolean) =>
  useQuery({
    queryKey: eventKeys.verify(engagementId),
    queryFn: ({ signal }) => api.get<TChainVerification>(`/api/v1/engagements/${engagementId}/events/verify`, { signal }),
    enabled,
  });

/** 監査証跡 filters as the URL carries them (all optional; `type` may be a family such as `proposal.`). */
export type AuditFilters = { cell?: string; party?: string; type?: string; from?: string; to?: string };

/**
 * The audit trail newest first (issue 16, bug 2), filtered on the server
 * (GET /audit/events), each next page older than the last.
 */
export const useListAuditEvents = (engagementId: string, f: AuditFilters) =>
  useInfiniteQuery({
    queryKey: [...eventKeys.list(engagementId), 'audit', f] as const,
    initialPageParam: null as number | null,
    queryFn: ({ signal, pageParam }) =>
      api.get<TAuditEventsPage>(`/api/v1/engagements/${engagementId}/audit/events`, {
        signal,
        query: { cellId: f.cell, partyId: f.party, type: f.type, from: f.from, to: f.to, before: pageParam ?? undefined, limit: 100 },
      }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
