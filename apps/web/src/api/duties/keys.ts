import { ROOT } from '../keys.ts';

export const dutyKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'duties'] as const,
  catalog: ['catalog', 'duties'] as const,
};
