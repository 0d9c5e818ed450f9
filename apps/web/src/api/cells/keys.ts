import { ROOT } from '../keys.ts';

/** Matrix filters as the API takes them (values of one filter are alternatives). */
export type MatrixFilters = {
  party?: string[];
  phase?: string[];
  category?: string[];
  status?: string[];
  finding?: string[];
  asset?: string[];
  view?: 'mine';
};

export const cellKeys = {
  matrixAll: (engagementId: string) => [...ROOT.engagement(engagementId), 'matrix'] as const,
  matrix: (engagementId: string, filters: MatrixFilters = {}) => [...cellKeys.matrixAll(engagementId), filters] as const,
  progress: (engagementId: string) => [...ROOT.engagement(engagementId), 'progress'] as const,
  detail: (cellId: string) => [...ROOT.cells, cellId, 'detail'] as const,
  comments: (cellId: string) => [...ROOT.cells, cellId, 'comments'] as const,
  history: (cellId: string) => [...ROOT.cells, cellId, 'history'] as const,
};

/** The compact matrix's address (its query: the filters, client.ts `buildUrl`). */
export const matrixPath = (engagementId: string) => `/api/v1/engagements/${engagementId}/cells/compact`;
