import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAccountEvent,
  TAcceptMemberInvitationRequest,
  TCreateMemberInvitationRequest,
  TMemberInvitation,
  TMemberInvitationPreview,
  TSession,
  TTotpResetRequest,
  TTotpResetResponse,
} from '@bunkai/domain';
import { api } from '../client.ts';
import { sessionStore } from '../session.ts';
import { authKeys } from './keys.ts';

/** メンバー招待 (organization admins) and the public join page; TOTP reset after a lost authenticator. */
export const useListMemberInvitations = (enabled = true) =>
  useQuery({
    queryKey: authKeys.invitations(),
    queryFn: ({ signal }) => api.get<{ invitations: TMemberInvitation[] }>('/api/v1/organization/invitations', { signal }),
    enabled,
  });

const useInvitationMutation = <A,>(fn: (a: A) => Promise<{ invitation: TMemberInvitation }>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The account audit log gains an entry with every invitation change.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: authKeys.invitations() }), qc.invalidateQueries({ queryKey: authKeys.events() })]),
  });
};

export const useInviteMember = () => useInvitationMutation((body: TCreateMemberInvitationRequest) => api.post<{ invitation: TMemberInvitation }>('/api/v1/organization/invitations', body));
export const useResendMemberInvitation = () =>
  useInvitationMutation((id: string) => api.post<{ invitation: TMemberInvitation }>(`/api/v1/organization/invitations/${id}/resend`));
export const useRevokeMemberInvitation = () => useInvitationMutation((id: string) => api.delete<{ invitation: TMemberInvitation }>(`/api/v1/organization/invitations/${id}`));

/** The token goes in the body: the join link carries it in the fragment, which no server sees. */
export const useMemberInvitationPreview = (token: string) =>
  useQuery({
    queryKey: authKeys.joinPreview(token),
    queryFn: ({ signal }) => api.post<TMemberInvitationPreview>('/api/v1/member-invitations/preview', { token }, { signal, auth: false }),
    enabled: token !== '',
    retry: false,
  });

export const useAcceptMemberInvitation = () =>
  useMutation({
    mutationFn: (body: TAcceptMemberInvitationRequest) => api.post<TSession>('/api/v1/member-invitations/accept', body, { auth: false }),
    onSuccess: (session) => sessionStore.set(session),
  });

/** Password + one recovery code: signed in, with a new authenticator to confirm. */
export const useResetTotp = () =>
  useMutation({
    mutationFn: (body: TTotpResetRequest) => api.post<TTotpResetResponse>('/api/v1/auth/totp/reset', body, { auth: false }),
    onSuccess: ({ enrollment: _e, ...session }) => sessionStore.set(session),
  });

/** アカウント監査ログ of the caller's organization, newest first (admins). */
export const useAccountEvents = (enabled = true) =>
  useQuery({ queryKey: authKeys.events(), queryFn: ({ signal }) => api.get<{ events: TAccountEvent[] }>('/api/v1/organization/events', { signal, query: { limit: 50 } }), enabled });
