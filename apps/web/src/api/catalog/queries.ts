import { useQuery } from '@tanstack/react-query';
import type { TAssetCategory, TLocalized, TPartyRole, TProvisionPattern, TServiceModel } from '@bunkai/domain';
import { api } from '../client.ts';
import { catalogKeys } from './keys.ts';

/** The parts of a catalog template the create page shows (the catalog package is server-side only). */
export type CatalogTemplate = {
  code: string;
  title: TLocalized;
  description: TLocalized;
  systemName: string;
  serviceModel: TServiceModel;
  provisionPattern: TProvisionPattern;
  parties: { key: string; role: TPartyRole; displayName: TLocalized }[];
  assets: { key: string; name: string; category: TAssetCategory }[];
  dutyCodes: string[];
  suggestions: unknown[];
};

export const useListTemplates = () =>
  useQuery({
    queryKey: catalogKeys.templates(),
    queryFn: ({ signal }) => api.get<{ version: string; templates: CatalogTemplate[] }>('/api/v1/catalog/templates', { signal, auth: false }),
    staleTime: Infinity,
  });
