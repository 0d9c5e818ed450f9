import { ROOT } from '../keys.ts';

export const webhookKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'webhooks'] as const,
  deliveries: (engagementId: string, webhookId: string) => [...ROOT.engagement(engagementId), 'webhooks', webhookId, 'deliveries'] as const,
};
