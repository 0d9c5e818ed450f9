import { useQuery } from '@tanstack/react-query';
import type { TInboxCountsResponse, TMailboxMessage, TPreferences } from '@bunkai/domain';
import { api } from '../client.ts';
import { meKeys } from './keys.ts';

/** 受信箱 counts (the header's badge): the counts alone, not the items; polled, since reminders and others' work arrive without an event stream open. */
export const useInboxCounts = (engagementId?: string) =>
  useQuery({
    queryKey: meKeys.inboxCounts(engagementId),
    queryFn: ({ signal }) => api.get<TInboxCountsResponse>('/api/v1/me/inbox/counts', { signal, query: { engagementId } }),
    refetchInterval: 60_000,
  });

export const usePreferences = () =>
  useQuery({ queryKey: meKeys.preferences, queryFn: ({ signal }) => api.get<{ preferences: TPreferences }>('/api/v1/me/preferences', { signal }) });

/** The development mailbox: exists only without SMTP outside production (404 otherwise); no sign-in. */
export const useDevMailbox = (to: string) =>
  useQuery({
    queryKey: meKeys.mailbox(to),
    queryFn: ({ signal }) => api.get<{ messages: TMailboxMessage[] }>('/api/v1/dev/mailbox', { signal, auth: false, query: { to: to || undefined } }),
    retry: false,
  });
