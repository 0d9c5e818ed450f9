import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAcceptInvitationResponse, TCreateInvitationRequest, TCreateInvitationResponse, TInvitation } from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';
import { invitationKeys } from './keys.ts';

export const useCreateInvitation = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateInvitationRequest) => api.post<TCreateInvitationResponse>(`/api/v1/engagements/${engagementId}/invitations`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) }),
  });
};

export const useRevokeInvitation = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete<{ invitation: TInvitation }>(`/api/v1/invitations/${invitationId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationKeys.list(engagementId) }),
  });
};

export const useAcceptInvitation = (token: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TAcceptInvitationResponse>('/api/v1/invitations/accept', { token }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagements });
      void qc.invalidateQueries({ queryKey: invitationKeys.preview(token) });
    },
  });
};
