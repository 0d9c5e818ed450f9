import { missingRoleRule } from './rule-missing-role.ts';

/** 責任者（A）不在: work is assigned but nobody answers for it. */
export const noAccountableRule = missingRoleRule({
  code: 'no_accountable',
  role: 'A',
  description: {
    ja: '責任（A）を持つ当事者がいない分担',
    en: 'An assignment in which no party is accountable (A).',
  },
  message: (label, note) => ({
    ja: `${note.ja}${label.ja}に責任者（A）がいません。責任を持つ当事者を1者決めてください。`,
    en: `No party is accountable (A) for ${label.en}${note.en}. Name exactly one.`,
  }),
});
