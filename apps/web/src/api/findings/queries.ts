import { useQuery } from '@tanstack/react-query';
import type { TFindingsResponse } from '@bunkai/domain';
import { api } from '../client.ts';
import { findingKeys } from './keys.ts';

export const useListFindings = (engagementId: string) =>
  useQuery({ queryKey: findingKeys.list(engagementId), queryFn: ({ signal }) => api.get<TFindingsResponse>(`/api/v1/engagements/${engagementId}/findings`, { signal }) });
