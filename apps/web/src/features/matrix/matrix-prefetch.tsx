import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from '../../router.tsx';

export type MatrixPageModule = { prefetchMatrixPage: (qc: QueryClient, engagementId: string, search: URLSearchParams) => Promise<void> };

/**
 * Rendered beside the engagement frame when the matrix tab is opened: the page's chunk, then the matrix
 * request start together with the engagement's request instead of after it (its frame renders the tab
 * only once the engagement is loaded). The page finds the matrix in the query cache under the same key.
 * Lives in the first chunk, so it reaches the matrix code only through `loadPage`.
 */
export const MatrixPrefetch = ({ engagementId, loadPage }: { engagementId: string; loadPage: () => Promise<MatrixPageModule> }) => {
  const qc = useQueryClient();
  const { search } = useLocation();
  const filters = search.toString();
  // Once per engagement: later changes of the address (?cell=…) are the page's own business, and a
  // matrix still fresh in the cache (staleTime) is not fetched again.
  useEffect(() => {
    void loadPage().then((m) => m.prefetchMatrixPage(qc, engagementId, new URLSearchParams(filters)));
  }, [qc, engagementId, loadPage]);
  return null;
};
