import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TAsset, TAssetInput, TUpdateAssetRequest } from '@bunkai/domain';
import { api, isApiError } from '../client.ts';
import { ROOT } from '../keys.ts';
import { assetKeys } from './keys.ts';

/**
 * Assets are the columns of the matrix: creating, re-categorizing or deleting
 * one creates or drops cells, so the whole engagement (matrix, progress,
 * assets) is refreshed, with the open cell details and the list's counts.
 */
const refreshAfterAssetChange = (qc: QueryClient, engagementId: string) => {
  void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
  void qc.invalidateQueries({ queryKey: ROOT.cells });
  void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' });
};

export const useCreateAssets = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssetInput | { assets: TAssetInput[] }) => api.post<{ assets: TAsset[]; cellsCreated: number }>(`/api/v1/engagements/${engagementId}/assets`, body),
    onSuccess: () => refreshAfterAssetChange(qc, engagementId),
  });
};

/** Sends the version the user saw; a 409 `stale_version` reloads the list so the dialog can start again from the latest. */
export const useUpdateAsset = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assetId, body }: { assetId: string; body: TUpdateAssetRequest }) =>
      api.patch<{ asset: TAsset; cellsCreated: number; cellsDeleted: number }>(`/api/v1/assets/${assetId}`, body),
    onSuccess: () => refreshAfterAssetChange(qc, engagementId),
    onError: (err) => {
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: assetKeys.list(engagementId) });
    },
  });
};

/** Owner only; the API refuses (409 `asset_in_use`) while a cell is agreed or under an open proposal. */
export const useDeleteAsset = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assetId: string) => api.delete<void>(`/api/v1/assets/${assetId}`),
    onSuccess: () => refreshAfterAssetChange(qc, engagementId),
  });
};
