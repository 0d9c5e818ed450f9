import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import { webhookKeys } from './keys.ts';
import type { Webhook, WebhookDelivery } from './queries.ts';

export const useCreateWebhook = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; description?: string }) => api.post<{ webhook: Webhook; secret: string }>(`/api/v1/engagements/${engagementId}/webhooks`, body),
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
    mutationFn: (webhookId: string) => api.post<{ delivery: WebhookDelivery }>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}/test`, {}),
    onSuccess: (_r, webhookId) => qc.invalidateQueries({ queryKey: webhookKeys.deliveries(engagementId, webhookId) }),
  });
};
