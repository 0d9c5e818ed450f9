import { missingRoleRule } from './rule-missing-role.ts';

/** 実施者（R）不在: somebody answers for it but nobody does it. */
export const noResponsibleRule = missingRoleRule({
  code: 'no_responsible',
  role: 'R',
  description: {
    ja: '実施（R）を担う当事者がいない分担',
    en: 'An assignment in which no party is responsible (R).',
  },
  message: (label, note) => ({
    ja: `${note.ja}${label.ja}に実施者（R）がいません。実際に作業する当事者を決めてください。`,
    en: `No party is responsible (R) for ${label.en}${note.en}. Name who does the work.`,
  }),
});
