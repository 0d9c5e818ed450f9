import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  TAssignment,
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
import { cellKeys } from './keys.ts';

/**
 * Puts the cell a mutation answered with into every cached matrix of the
 * engagement at once (the grid updates without waiting), then refetches what
 * the change may have moved: findings, progress, the matrix's finding codes.
 */
export const applyCell = (qc: QueryClient, engagementId: string, cell: TCellWithProposal | TMatrixCell) => {
  qc.setQueriesData<TMatrixResponse>({ queryKey: cellKeys.matrixAll(engagementId) }, (m) =>
    m ? { ...m, cells: m.cells.map((c) => (c.id === cell.id ? { ...c, ...cell } : c)) } : m,
  );
  void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
  void qc.invalidateQueries({ queryKey: [...ROOT.cells, cell.id] });
  void qc.invalidateQueries({ queryKey: ROOT.engagements, exact: false, predicate: (q) => q.queryKey[1] === 'list' });
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
      void qc.invalidateQueries({ queryKey: [...ROOT.cells, v.cellId] });
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
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
