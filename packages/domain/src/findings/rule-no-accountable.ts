import type { TFinding } from './types.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel, sourceNote } from './labels.ts';
import { partiesWithAnyRole, partiesWithRole } from '../rules/assignment.ts';

/** 責任者（A）不在: work is assigned but nobody answers for it. */
export const noAccountableRule: TFindingRule = {
  code: 'no_accountable',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '責任（A）を持つ当事者がいない分担',
    en: 'An assignment in which no party is accountable (A).',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const sc of ctx.cells) {
      if (sc.effective === null || partiesWithRole(sc.effective, 'A').length > 0) continue;
      const label = cellLabel(sc);
      const note = sourceNote(sc);
      out.push(
        makeFinding(
          'no_accountable',
          'blocking',
          [sc.cell.id],
          {
            cellIds: [sc.cell.id],
            assetIds: sc.asset ? [sc.asset.id] : [],
            partyIds: partiesWithAnyRole(sc.effective),
            dutyIds: [sc.duty.id],
          },
          {
            ja: `${note.ja}${label.ja}に責任者（A）がいません。責任を持つ当事者を1者決めてください。`,
            en: `No party is accountable (A) for ${label.en}${note.en}. Name exactly one.`,
          },
        ),
      );
    }
    return out;
  },
};
