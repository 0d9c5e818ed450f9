import { useQuery } from '@tanstack/react-query';
import type { TWebhook, TWebhookDelivery } from '@bunkai/domain';
import { api } from '../client.ts';
import { webhookKeys } from './keys.ts';

export const useListWebhooks = (engagementId: string, enabled: boolean) =>
  useQuery({
    queryKey: webhookKeys.list(engagementId),
    queryFn: ({ signal }) => api.get<{ webhooks: TWebhook[] }>(`/api/v1/engagements/${engagementId}/webhooks`, { signal }),
    enabled,
  });

/** The delivery log; polled while open so a test ping and its retries show up. */
export const useWebhookDeliveries = (engagementId: string, webhookId: string) =>
  useQuery({
    queryKey: webhookKeys.deliveries(engagementId, webhookId),
    queryFn: ({ signal }) => api.get<{ deliveries: TWebhookDelivery[] }>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}/deliveries`, { signal, query: { limit: 20 } }),
    refetchInterval: 5_000,
  });
