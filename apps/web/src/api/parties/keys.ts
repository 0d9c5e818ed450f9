import { ROOT } from '../keys.ts';

export const partyKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'parties'] as const,
  signatories: (engagementId: string, partyId: string) => [...ROOT.engagement(engagementId), 'signatories', partyId] as const,
};
