import { ROOT } from '../keys.ts';

export const revisionKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'revisions'] as const,
  changesSinceSigned: (engagementId: string, partyId: string | null) => [...ROOT.engagement(engagementId), 'changes-since-signed', partyId] as const,
  diff: (engagementId: string, revisionId: string, against: string) => [...ROOT.engagement(engagementId), 'revision-diff', revisionId, against] as const,
  statement: (engagementId: string, revisionId: string, partyId: string) => [...ROOT.engagement(engagementId), 'signing-statement', revisionId, partyId] as const,
};
