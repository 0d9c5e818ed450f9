import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAsset, TAssetInput } from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';

/** Creating assets creates cells too, so the whole engagement is refreshed. */
export const useCreateAssets = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssetInput | { assets: TAssetInput[] }) => api.post<{ assets: TAsset[]; cellsCreated: number }>(`/api/v1/engagements/${engagementId}/assets`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) }),
  });
};
