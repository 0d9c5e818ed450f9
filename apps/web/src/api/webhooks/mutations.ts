import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TWebhook, TWebhookDelivery } from '@bunkai/domain';
import { api } from '../client.ts';
import { webhookKeys } from './keys.ts';

export const useCreateWebhook = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; description?: string; events?: string[] }) => api.post<{ webhook: TWebhook; secret: string }>(`/api/v1/engagements/${engagementId}/webhooks`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.list(engagementId) }),
  });
};

export const useDeleteWebhook = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => api.delete<null>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.list(engagementId) }),
  });
};

export const useTestWebhook = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => api.post<{ delivery: TWebhookDelivery }>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}/test`, {}),
    onSuccess: (_r, webhookId) => qc.invalidateQueries({ queryKey: webhookKeys.deliveries(engagementId, webhookId) }),
  });
};

/** Pause or resume (or change) a webhook; `version` as read. */
export const useUpdateWebhook = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, ...body }: { webhookId: string; version: number; active?: boolean }) => api.patch<{ webhook: TWebhook }>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.list(engagementId) }),
  });
};
