// 受信箱 (inbox): what waits for the signed-in user's parties. Other modules use only this file.
export { DUE_SOON_DAYS, type InboxService, createInboxService } from './inbox-service.ts';
export { inboxRoutes } from './inbox-routes.ts';
