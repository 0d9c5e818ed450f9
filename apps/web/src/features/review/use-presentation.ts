import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { PRESENTATION_SIGNAL, type TPresentationResponse, type TPresentationSignal } from '@bunkai/domain';
import { api } from '../../api/client.ts';
import { ROOT } from '../../api/keys.ts';
import { STREAM_OPEN, useSignal } from '../../live/signals.ts';

export const presentationKey = (engagementId: string) => [...ROOT.engagement(engagementId), 'review', 'presentation'] as const;
const path = (engagementId: string) => `/api/v1/engagements/${engagementId}/review/presentation`;

/**
 * 発表者モード (presenter mode) of the kickoff review: who presents which item.
 * The live stream's `review.presentation` signals replace the cached answer as
 * they come; after a reconnect (signals may have been missed) and when the
 * presentation's time runs out, the server is asked again.
 */
export const usePresentation = (engagementId: string) => {
  const qc = useQueryClient();
  const key = presentationKey(engagementId);
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<TPresentationResponse>(path(engagementId), { signal }) });
  useSignal(engagementId, PRESENTATION_SIGNAL, (data) => {
    const s = data as TPresentationSignal;
    if (s.engagementId === engagementId) qc.setQueryData<TPresentationResponse>(key, { presentation: s.presentation });
  });
  useSignal(engagementId, STREAM_OPEN, () => void q.refetch());
  const expiresAt = q.data?.presentation?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    // The server decides expiry (its clock); ask it once the time has passed instead of trusting this machine's clock.
    const timer = setTimeout(() => void q.refetch(), Math.max(1000, Date.parse(expiresAt) - Date.now() + 1000));
    return () => clearTimeout(timer);
  }, [expiresAt, q]);

  const present = useMutation({
    mutationFn: (cellId: string) => api.put<TPresentationResponse>(path(engagementId), { cellId }),
    onSuccess: (r) => qc.setQueryData(key, r),
    // 409 presentation_taken: someone else started first; show who.
    onError: () => void q.refetch(),
  });
  const end = useMutation({
    mutationFn: () => api.delete<null>(path(engagementId)),
    onSuccess: () => qc.setQueryData<TPresentationResponse>(key, { presentation: null }),
  });
  return { presentation: q.data?.presentation ?? null, present, end };
};
export type PresentationState = ReturnType<typeof usePresentation>;
