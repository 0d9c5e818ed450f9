import { ROOT } from '../keys.ts';

export const assetKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'assets'] as const,
};
