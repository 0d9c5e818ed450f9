import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TAddDutiesRequest, TDuty, TEditDutyRequest, TImportDutiesResponse, TImportJsonBody, TImportProfile, TUpdateDutyRequest } from '@bunkai/domain';
import { api, isApiError } from '../client.ts';
import { ROOT } from '../keys.ts';
import { dutyKeys } from './keys.ts';

/** Duties are the rows of the matrix: adding or closing one creates or changes cells, so the whole engagement is refreshed. */
const refreshAfterDutyChange = (qc: QueryClient, engagementId: string) => {
  void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
  void qc.invalidateQueries({ queryKey: ROOT.cells });
  void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' });
};

/** From the catalog (`{ catalogCodes }`) or one custom duty (`{ custom }`). */
export const useAddDuties = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TAddDutiesRequest) => api.post<{ duties: TDuty[]; cellsCreated: number }>(`/api/v1/engagements/${engagementId}/duties`, body),
    onSuccess: () => refreshAfterDutyChange(qc, engagementId),
  });
};

/** 対象外 with a reason, or reopen. A 409 reloads the list so the user starts again from the latest version. */
export const useSetDutyNotApplicable = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ dutyId, body }: { dutyId: string; body: TUpdateDutyRequest }) =>
      api.patch<{ duty: TDuty; cellsChanged: number; proposalsWithdrawn: number }>(`/api/v1/duties/${dutyId}`, body),
    onSuccess: () => refreshAfterDutyChange(qc, engagementId),
    onError: (err) => {
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: dutyKeys.list(engagementId) });
    },
  });
};

/** Wording or sort key; cells do not change, so only the duties and the matrix rows' labels are refreshed. */
export const useEditDuty = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ dutyId, body }: { dutyId: string; body: TEditDutyRequest }) => api.patch<{ duty: TDuty }>(`/api/v1/duties/${dutyId}/definition`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) }),
  });
};

/** All or nothing: a 400 `import_invalid` carries `details.rows` for the row-by-row report. */
export const useImportDuties = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    // profile: Bunkai's duties layout, or the official 確認表 (kakuninhyo) read as the ministries publish it.
    mutationFn: ({ profile = 'duties', ...body }: TImportJsonBody & { profile?: TImportProfile }) =>
      api.post<TImportDutiesResponse>(`/api/v1/engagements/${engagementId}/duties/import`, body, { query: { profile } }),
    onSuccess: () => refreshAfterDutyChange(qc, engagementId),
  });
};
