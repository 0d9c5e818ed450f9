import { useQuery } from '@tanstack/react-query';
import type { TInvitation, TInvitationPreview } from '@bunkai/domain';
import { api } from '../client.ts';
import { invitationKeys } from './keys.ts';

export const useListInvitations = (engagementId: string, enabled = true) =>
  useQuery({
    queryKey: invitationKeys.list(engagementId),
    queryFn: ({ signal }) => api.get<{ invitations: TInvitation[] }>(`/api/v1/engagements/${engagementId}/invitations`, { signal }),
    enabled,
  });

export const useGetInvitationPreview = (token: string) =>
  useQuery({ queryKey: invitationKeys.preview(token), queryFn: ({ signal }) => api.post<TInvitationPreview>('/api/v1/invitations/preview', { token }, { signal, auth: false }), retry: false });
