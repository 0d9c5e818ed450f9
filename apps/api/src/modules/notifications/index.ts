// 通知: events → per-user notifications → digest e-mails, reminders, and the user's settings. Other modules use only this file.
export { DIGEST_JOB, NOTIFY_CURSOR, REMINDER_JOB, type Notifications, createNotifications, unsubscribeToken } from './notifications-dispatcher.ts';
export { preferencesRoutes } from './preferences-routes.ts';
