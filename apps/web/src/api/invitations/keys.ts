import { ROOT } from '../keys.ts';

export const invitationKeys = {
  list: (engagementId: string) => [...ROOT.engagement(engagementId), 'invitations'] as const,
  preview: (token: string) => ['invitation-preview', token] as const,
};
