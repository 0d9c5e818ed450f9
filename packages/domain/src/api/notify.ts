import { z } from 'zod';
import { LIMITS } from '../model/primitives.ts';
import { NOTIFY_LANGS } from '../notifications/preferences.ts';

/**
 * Webhooks and the development mailbox as the API answers them (issue 15), shared with the web
 * app. The status tuples are also the database's CHECK vocabularies (packages/db/src/schema/notify.ts).
 */
export const MAIL_STATUSES = ['queued', 'sent', 'stored', 'failed'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** What a webhook can subscribe to: event-log types. "Signature added" is `signature.created`; a counter-proposal is a new proposal too. */
export const WEBHOOK_EVENT_TYPES = [
  'proposal.created',
  'proposal.countered',
  'proposal.accepted',
  'proposal.rejected',
  'cell.agreed',
  'revision.frozen',
  'signature.created',
  'revision.executed',
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ZWebhook = z.object({
  id: z.uuid(),
  engagementId: z.uuid(),
  url: z.string().max(2000),
  description: z.string().max(LIMITS.short),
  events: z.array(z.string().max(100)),
  active: z.boolean(),
  createdByUserId: z.uuid(),
  version: z.number().int(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});
export type TWebhook = z.infer<typeof ZWebhook>;

export const ZWebhookDelivery = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  eventType: z.string().max(100),
  eventSeq: z.number().int().nullable(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().max(LIMITS.text).nullable(),
  createdAt: z.string().max(40),
  lastAttemptAt: z.string().max(40).nullable(),
  deliveredAt: z.string().max(40).nullable(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

/** Fields of POST (all but url optional) and PATCH of a webhook. */
export const ZWebhookFields = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  description: z.string().max(LIMITS.short).optional(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  active: z.boolean().optional(),
});

/** A message the development mailbox shows (GET /api/v1/dev/mailbox). */
export const ZMailboxMessage = z.object({
  id: z.uuid(),
  to: z.string().max(320),
  template: z.string().max(100),
  lang: z.enum(NOTIFY_LANGS),
  subject: z.string().max(1000),
  text: z.string().max(1_000_000),
  html: z.string().max(1_000_000),
  status: z.enum(MAIL_STATUSES),
  messageId: z.string().max(1000).nullable(),
  lastError: z.string().max(LIMITS.text).nullable(),
  createdAt: z.string().max(40),
  sentAt: z.string().max(40).nullable(),
});
export type TMailboxMessage = z.infer<typeof ZMailboxMessage>;
