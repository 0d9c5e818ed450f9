import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateEngagementRequest, TEngagement, TUpdateEngagementRequest } from '@bunkai/domain';
import { api } from '../client.ts';
import { engagementKeys } from './keys.ts';

export const useCreateEngagement = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateEngagementRequest) => api.post<{ engagement: TEngagement }>('/api/v1/engagements', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: engagementKeys.all }),
  });
};

export const useUpdateEngagement = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateEngagementRequest) => api.patch<{ engagement: TEngagement }>(`/api/v1/engagements/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: engagementKeys.all }),
  });
};
