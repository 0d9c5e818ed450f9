export { WEBHOOK_EVENT_TYPES, WEBHOOK_JOB, WEBHOOK_TEST_EVENT, type WebhookEventType, createWebhookDispatcher } from './webhook-dispatcher.ts';
export { isPublicAddress, signWebhook } from './webhook-target.ts';
export { createWebhooksService, type WebhooksService } from './webhooks-service.ts';
export { webhooksRoutes } from './webhooks-routes.ts';
