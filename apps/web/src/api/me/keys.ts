/**
 * The signed-in user's own things. The inbox sits under `['engagements', 'inbox']` so that
 * whatever refreshes the engagement list after a change (own or live) refreshes it too.
 */
export const meKeys = {
  inboxAll: ['engagements', 'inbox'] as const,
  inbox: (engagementId?: string) => ['engagements', 'inbox', engagementId ?? 'all'] as const,
  inboxCounts: (engagementId?: string) => ['engagements', 'inbox', engagementId ?? 'all', 'counts'] as const,
  preferences: ['me', 'preferences'] as const,
  mailbox: (to: string) => ['dev-mailbox', to] as const,
};
