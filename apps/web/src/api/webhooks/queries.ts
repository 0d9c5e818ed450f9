import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { webhookKeys } from './keys.ts';

/** The API's webhook answers (apps/api/src/modules/webhooks/webhooks-routes.ts). */
export type Webhook = { id: string; url: string; description: string; events: string[]; active: boolean; version: number; createdAt: string };
export type WebhookDelivery = {
  id: string;
  eventType: string;
  eventSeq: number | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
};

export const useListWebhooks = (engagementId: string, enabled: boolean) =>
  useQuery({
    queryKey: webhookKeys.list(engagementId),
    queryFn: ({ signal }) => api.get<{ webhooks: Webhook[] }>(`/api/v1/engagements/${engagementId}/webhooks`, { signal }),
    enabled,
  });

/** The delivery log; polled while open so a test ping and its retries show up. */
export const useWebhookDeliveries = (engagementId: string, webhookId: string) =>
  useQuery({
    queryKey: webhookKeys.deliveries(engagementId, webhookId),
    queryFn: ({ signal }) => api.get<{ deliveries: WebhookDelivery[] }>(`/api/v1/engagements/${engagementId}/webhooks/${webhookId}/deliveries`, { signal, query: { limit: 20 } }),
    refetchInterval: 5_000,
  });
