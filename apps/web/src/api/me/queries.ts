import { useQuery } from '@tanstack/react-query';
import type { TInboxResponse, TMailboxMessage, TPreferences } from '@bunkai/domain';
import { api } from '../client.ts';
import { meKeys } from './keys.ts';

/** 受信箱: what waits for the caller's parties; polled too, since reminders and others' work arrive without an event stream open. */
export const useInbox = (engagementId?: string) =>
  useQuery({
    queryKey: meKeys.inbox(engagementId),
    queryFn: ({ signal }) => api.get<TInboxResponse>('/api/v1/me/inbox', { signal, query: { engagementId } }),
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
