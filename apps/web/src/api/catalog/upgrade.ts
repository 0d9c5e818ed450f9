import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAdoptCatalogUpgradeResponse, TCatalogUpgradeResponse } from '@bunkai/domain';
import { api } from '../client.ts';
import { ROOT } from '../keys.ts';

const upgradeKey = (engagementId: string) => [...ROOT.engagement(engagementId), 'catalog-upgrade'] as const;

/** カタログ更新: what the newest catalog adds, changes or withdraws for this engagement. */
export const useCatalogUpgrade = (engagementId: string) =>
  useQuery({
    queryKey: upgradeKey(engagementId),
    queryFn: ({ signal }) => api.get<TCatalogUpgradeResponse>(`/api/v1/engagements/${engagementId}/catalog-upgrade`, { signal }),
  });

/** Adopts the named duties; the matrix, findings and the preview all change with it. */
export const useAdoptCatalogUpgrade = (engagementId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dutyCodes: string[]) => api.post<TAdoptCatalogUpgradeResponse>(`/api/v1/engagements/${engagementId}/catalog-upgrade/adopt`, { dutyCodes }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ROOT.engagement(engagementId) });
      void qc.invalidateQueries({ queryKey: ROOT.cells });
    },
  });
};
