import { useQuery } from '@tanstack/react-query';
import type { TEngagementSummary, TParty } from '@bunkai/domain';
import { api } from '../client.ts';
import { engagementKeys } from './keys.ts';

export type EngagementDetail = { engagement: TEngagementSummary; parties: TParty[] };

export const useListEngagements = (archived = false) =>
  useQuery({
    queryKey: engagementKeys.list(archived),
    queryFn: ({ signal }) => api.get<{ engagements: TEngagementSummary[] }>('/api/v1/engagements', { signal, query: { archived } }),
  });

export const useGetEngagement = (id: string) =>
  useQuery({ queryKey: engagementKeys.detail(id), queryFn: ({ signal }) => api.get<EngagementDetail>(`/api/v1/engagements/${id}`, { signal }) });
