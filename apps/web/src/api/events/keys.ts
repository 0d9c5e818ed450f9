import { ROOT } from '../keys.ts';

export const eventKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'events'] as const,
  verify: (engagementId: string) => [...ROOT.engagement(engagementId), 'events-verify'] as const,
};
