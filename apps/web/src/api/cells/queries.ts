import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { decodeMatrix, type TCellDetailResponse, type TCellHistoryResponse, type TComment, type TMatrixCompactResponse, type TProgressResponse } from '@bunkai/domain';
import { api, buildUrl } from '../client.ts';
import { takeEarly } from '../early.ts';
import { cellKeys, matrixPath, type MatrixFilters } from './keys.ts';

/**
 * The whole matrix in one request, in the compact columnar form (decision 0010: a tenth of the bytes
 * before compression) and decoded here into the plain shape the screens use; filters are applied
 * by the API, the previous answer stays on screen meanwhile.
 */
export const matrixQuery = (engagementId: string, filters: MatrixFilters = {}) => ({
  queryKey: cellKeys.matrix(engagementId, filters),
  // The page opened by its address has its request started by boot.ts already.
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    decodeMatrix(
      (await takeEarly<TMatrixCompactResponse>(buildUrl(matrixPath(engagementId), filters))) ??
        (await api.get<TMatrixCompactResponse>(matrixPath(engagementId), { signal, query: filters })),
    ),
});

export const useGetMatrix = (engagementId: string, filters: MatrixFilters = {}) => useQuery({ ...matrixQuery(engagementId, filters), placeholderData: keepPreviousData });

/**
 * Opening the matrix by its address: its request starts with the engagement's instead of after it (and
 * after the page's chunk), so the two round trips overlap (docs/benchmarks-web.md, issue 17).
 */
export const prefetchMatrix = (qc: QueryClient, engagementId: string, filters: MatrixFilters = {}) => qc.prefetchQuery(matrixQuery(engagementId, filters));

export const useGetProgress = (engagementId: string) =>
  useQuery({ queryKey: cellKeys.progress(engagementId), queryFn: ({ signal }) => api.get<TProgressResponse>(`/api/v1/engagements/${engagementId}/progress`, { signal }) });

export const useGetCell = (cellId: string | null) =>
  useQuery({
    queryKey: cellKeys.detail(cellId ?? '-'),
    queryFn: ({ signal }) => api.get<TCellDetailResponse>(`/api/v1/cells/${cellId}`, { signal }),
    enabled: cellId !== null,
  });

export const useListComments = (cellId: string | null) =>
  useQuery({
    queryKey: cellKeys.comments(cellId ?? '-'),
    queryFn: ({ signal }) => api.get<{ comments: TComment[] }>(`/api/v1/cells/${cellId}/comments`, { signal }),
    enabled: cellId !== null,
  });

export const useGetCellHistory = (cellId: string | null, enabled = true) =>
  useQuery({
    queryKey: cellKeys.history(cellId ?? '-'),
    queryFn: ({ signal }) => api.get<TCellHistoryResponse>(`/api/v1/cells/${cellId}/history`, { signal }),
    enabled: cellId !== null && enabled,
  });
