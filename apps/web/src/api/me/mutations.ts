import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPreferences, TPreferencesPatch } from '@bunkai/domain';
import { api } from '../client.ts';
import { meKeys } from './keys.ts';

export const useUpdatePreferences = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TPreferencesPatch) => api.patch<{ preferences: TPreferences }>('/api/v1/me/preferences', patch),
    onSuccess: (r) => qc.setQueryData(meKeys.preferences, r),
  });
};

/** The unsubscribe link's page: no sign-in, the HMAC token proves the link came from us. */
export const useUnsubscribe = () =>
  useMutation({ mutationFn: (body: { userId: string; token: string }) => api.post<{ preferences: TPreferences }>('/api/v1/notifications/unsubscribe', body, { auth: false }) });
