import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TParty, TSignatory, TUpdatePartyRequest } from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';
import { partyKeys } from './keys.ts';

export const useUpdateParty = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ partyId, body }: { partyId: string; body: TUpdatePartyRequest }) => api.patch<{ party: TParty }>(`/api/v1/parties/${partyId}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) }),
  });
};

export const useGrantSignatory = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ partyId, userId }: { partyId: string; userId: string }) => api.put<{ signatory: TSignatory }>(`/api/v1/parties/${partyId}/signatories/${userId}`),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: partyKeys.signatories(engagementId, v.partyId) });
      void qc.invalidateQueries({ queryKey: ROOT.engagements });
    },
  });
};
