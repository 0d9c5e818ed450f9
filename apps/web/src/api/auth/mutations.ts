import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoginRequest, TRegisterRequest, TSession, TUser } from '@bunkai/domain';
import { api } from '../client.ts';
import { sessionStore } from '../session.ts';
import { authKeys } from './keys.ts';

export const useLogin = () =>
  useMutation({
    mutationFn: (body: TLoginRequest) => api.post<TSession>('/api/v1/auth/login', body, { auth: false }),
    onSuccess: (session) => sessionStore.set(session),
  });

export const useRegister = () =>
  useMutation({
    mutationFn: (body: TRegisterRequest) => api.post<TSession>('/api/v1/auth/register', body, { auth: false }),
    onSuccess: (session) => sessionStore.set(session),
  });

export const useLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    // Ends the sign-in on the server (refresh cookie and access token); signed out locally whatever it answers.
    mutationFn: () => api.post('/api/v1/auth/session/logout', undefined, { auth: false }).catch(() => undefined),
    onSettled: () => {
      sessionStore.set(null);
      qc.clear();
    },
  });
};

export const useEnrollTotp = () => useMutation({ mutationFn: () => api.post<{ secret: string; otpauthUri: string }>('/api/v1/auth/totp/enroll') });

export const useVerifyTotp = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<{ user: TUser; recoveryCodes: string[] }>('/api/v1/auth/totp/verify', { code }),
    onSuccess: ({ user }) => {
      sessionStore.updateUser(user);
      void qc.invalidateQueries({ queryKey: authKeys.all });
    },
  });
};

/** A new set of recovery codes after the password; the old set stops working. */
export const useRegenerateRecoveryCodes = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<{ codes: string[] }>('/api/v1/auth/recovery-codes', { password }),
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.recovery() }),
  });
};
