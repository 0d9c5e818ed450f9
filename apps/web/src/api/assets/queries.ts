import { useQuery } from '@tanstack/react-query';
import type { TAsset } from '@bunkai/domain';
import { api } from '../client.ts';
import { assetKeys } from './keys.ts';

export const useListAssets = (engagementId: string) =>
  useQuery({ queryKey: assetKeys.list(engagementId), queryFn: ({ signal }) => api.get<{ assets: TAsset[] }>(`/api/v1/engagements/${engagementId}/assets`, { signal }) });
