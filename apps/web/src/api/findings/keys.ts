import { ROOT } from '../keys.ts';

export const findingKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'findings'] as const,
};
