import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  TAssignment,
  TBulkAcceptResponse,
  TBulkProposeResponse,
  TCellWithProposal,
  TComment,
  TMatrixCell,
  TMatrixResponse,
  TProposalMutationResponse,
  TReviewRequest,
  TTerms,
} from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';
import { cellKeys, type MatrixFilters } from './keys.ts';
import { noteOwnChange } from './own-changes.ts';

type AnyQuery = { queryKey: readonly unknown[] };

/** Matrix queries of the engagement: `[...matrixAll, filters]`. */
const matrixFilters = (engagementId: string, q: AnyQuery): MatrixFilters | null => {
  const prefix = cellKeys.matrixAll(engagementId);
  if (q.queryKey.length !== prefix.length + 1 || prefix.some((k, i) => q.queryKey[i] !== k)) return null;
  return (q.queryKey[prefix.length] ?? {}) as MatrixFilters;
};

/** A filter a changed cell can move into or out of (status, findings, "asked of us"): such lists are refetched; the rest are patched in place. */
const membershipMayChange = (f: MatrixFilters) => Boolean(f.status?.length || f.finding?.length || f.view);

/**
 * Everything of the engagement except the matrix lists patched from the
 * response (findings, progress, the engagement header, the cell's detail).
 */
const refreshAroundCell = (qc: QueryClient, engagementId: string, cellId: string) => {
  void qc.invalidateQueries({
    queryKey: ROOT.engagement(engagementId),
    predicate: (q) => {
      const f = matrixFilters(engagementId, q);
      return f === null || membershipMayChange(f);
    },
  });
  void qc.invalidateQueries({ queryKey: [...ROOT.cells, cellId] });
};

/** Replaces one cell in every cached matrix of the engagement (a mutation's answer, or a cell reloaded after a conflict). */
export const patchMatrixCell = (qc: QueryClient, engagementId: string, cell: TCellWithProposal | TMatrixCell) => {
  qc.setQueriesData<TMatrixResponse>({ queryKey: cellKeys.matrixAll(engagementId) }, (m) =>
    m ? { ...m, cells: m.cells.map((c) => (c.id === cell.id ? { ...c, ...cell } : c)) } : m,
  );
};

/**
 * Puts the cell a mutation answered with into every cached matrix of the
 * engagement at once and refetches what the change may have moved
 * (findings, progress, the list) — but not the matrix itself: one click must
 * not reload it. The cell is noted as our own change so the live stream's
 * echo of it is skipped (see own-changes.ts). Finding codes of the cell stay
 * as last loaded until the matrix is next fetched.
 */
export const applyCell = (qc: QueryClient, engagementId: string, cell: TCellWithProposal | TMatrixCell) => {
  noteOwnChange(cell.id);
  patchMatrixCell(qc, engagementId, cell);
  refreshAroundCell(qc, engagementId, cell.id);
  void qc.invalidateQueries({ queryKey: ROOT.engagements, exact: false, predicate: (q) => q.queryKey[1] === 'list' || q.queryKey[1] === 'inbox' });
};

export type ProposeInput = { cellId: string; assignment: TAssignment; terms?: TTerms; reason: string; version: number };

export const useProposeCell = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cellId, ...body }: ProposeInput) => api.post<TProposalMutationResponse>(`/api/v1/cells/${cellId}/proposals`, body),
    onSuccess: (r) => applyCell(qc, engagementId, r.cell),
  });
};

export const useAcceptProposal = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, reason = '' }: { proposalId: string; reason?: string }) => api.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/accept`, { reason }),
    onSuccess: (r) => applyCell(qc, engagementId, r.cell),
  });
};

export const useRejectProposal = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, reason }: { proposalId: string; reason: string }) => api.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/reject`, { reason }),
    onSuccess: (r) => applyCell(qc, engagementId, r.cell),
  });
};

export const useWithdrawProposal = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId }: { proposalId: string }) => api.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/withdraw`, {}),
    onSuccess: (r) => applyCell(qc, engagementId, r.cell),
  });
};

export const useBulkPropose = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { cellIds: string[]; assignment: TAssignment; terms?: TTerms; reason: string }) =>
      api.post<TBulkProposeResponse>(`/api/v1/engagements/${engagementId}/cells/bulk-proposals`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.cells });
    },
  });
};

export const useAddComment = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cellId, body }: { cellId: string; body: string }) => api.post<{ comment: TComment }>(`/api/v1/cells/${cellId}/comments`, { body }),
    onSuccess: (_r, v) => {
      noteOwnChange(v.cellId);
      refreshAroundCell(qc, engagementId, v.cellId);
    },
  });
};

export const useReviewCell = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cellId, ...body }: TReviewRequest & { cellId: string }) => api.patch<{ cell: TMatrixCell }>(`/api/v1/cells/${cellId}/review`, body),
    onSuccess: (r) => applyCell(qc, engagementId, r.cell),
  });
};

/** 一括承諾: accept the open proposals of these cells for the caller's party; the answer says per cell what became of it. */
export const useBulkAccept = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cellIds: string[]) => api.post<TBulkAcceptResponse>(`/api/v1/engagements/${engagementId}/proposals/accept`, { cellIds }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.engagements, predicate: (q) => q.queryKey[1] === 'list' || q.queryKey[1] === 'inbox' });
      void qc.invalidateQueries({ queryKey: ROOT.cells });
    },
  });
};
