import { useQuery } from '@tanstack/react-query';
import type { TParty, TSignatory } from '@bunkai/domain';
import { api } from '../client.ts';
import { partyKeys } from './keys.ts';

export const useListParties = (engagementId: string) =>
  useQuery({ queryKey: partyKeys.list(engagementId), queryFn: ({ signal }) => api.get<{ parties: TParty[] }>(`/api/v1/engagements/${engagementId}/parties`, { signal }) });

export const useListSignatories = (engagementId: string, partyId: string) =>
  useQuery({
    queryKey: partyKeys.signatories(engagementId, partyId),
    queryFn: ({ signal }) => api.get<{ signatories: TSignatory[] }>(`/api/v1/parties/${partyId}/signatories`, { signal }),
  });
