import { ROOT } from '../keys.ts';

export const engagementKeys = {
  all: ROOT.engagements,
  list: (archived = false) => [...ROOT.engagements, 'list', { archived }] as const,
  detail: (id: string) => [...ROOT.engagement(id), 'detail'] as const,
};
