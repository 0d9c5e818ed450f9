import { useQuery } from '@tanstack/react-query';
import type { TOrganization, TRecoveryCodesStatus, TUser } from '@bunkai/domain';
import { api } from '../client.ts';
import { authKeys } from './keys.ts';

export const useGetMe = (enabled = true) =>
  useQuery({ queryKey: authKeys.me(), queryFn: ({ signal }) => api.get<{ user: TUser; organization: TOrganization }>('/api/v1/auth/me', { signal }), enabled });

export const useListMembers = (enabled = true) =>
  useQuery({ queryKey: authKeys.members(), queryFn: ({ signal }) => api.get<{ users: TUser[] }>('/api/v1/organization/users', { signal }), enabled });

/** How many recovery codes are left (never the codes themselves). */
export const useRecoveryCodesStatus = (enabled = true) =>
  useQuery({ queryKey: authKeys.recovery(), queryFn: ({ signal }) => api.get<TRecoveryCodesStatus>('/api/v1/auth/recovery-codes', { signal }), enabled });
