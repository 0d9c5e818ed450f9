import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRevisionView, TSignRequest, TSignatureView, TVerifyResponse } from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF_TYPE = 'application/pdf';

export const useFreezeRevision = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ revision: TRevisionView }>(`/api/v1/engagements/${engagementId}/revisions`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
};

export const useSignRevision = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ revisionId, ...body }: TSignRequest & { revisionId: string }) => api.post<{ signature: TSignatureView; revision: TRevisionView }>(`/api/v1/revisions/${revisionId}/signatures`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
};

/** A revision export (JSON) is sent as JSON; an annex (.docx or sealed .pdf) as its raw bytes. */
export const useVerifyDocument = () =>
  useMutation({
    mutationFn: async (file: File) => {
      if (file.name.toLowerCase().endsWith('.json') || file.type === 'application/json') {
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch {
          json = { format: 'invalid', sha256: '', canonical: {} };
        }
        return api.post<TVerifyResponse>('/api/v1/verify', json);
      }
      const type = file.name.toLowerCase().endsWith('.pdf') || file.type === PDF_TYPE ? PDF_TYPE : DOCX_TYPE;
      return api.post<TVerifyResponse>('/api/v1/verify', new Blob([await file.arrayBuffer()], { type }), { headers: { 'content-type': type } });
    },
  });
