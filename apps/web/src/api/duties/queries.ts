import { useQuery } from '@tanstack/react-query';
import type { TDuty, TDutyDefinition } from '@bunkai/domain';
import { api } from '../client.ts';
import { dutyKeys } from './keys.ts';

export const useListDuties = (engagementId: string) =>
  useQuery({ queryKey: dutyKeys.list(engagementId), queryFn: ({ signal }) => api.get<{ duties: TDuty[] }>(`/api/v1/engagements/${engagementId}/duties`, { signal }) });

/** The current duty catalog (責任項目カタログ); public and fixed for a build, so fetched once. */
export const useCatalogDuties = (enabled: boolean) =>
  useQuery({
    queryKey: dutyKeys.catalog,
    queryFn: ({ signal }) => api.get<{ version: string; duties: TDutyDefinition[] }>('/api/v1/catalog/duties', { signal, auth: false }),
    staleTime: Infinity,
    enabled,
  });
