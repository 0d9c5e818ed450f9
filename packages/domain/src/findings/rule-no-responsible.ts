import type { TFinding } from './types.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel, sourceNote } from './labels.ts';
import { partiesWithAnyRole, partiesWithRole } from '../rules/assignment.ts';

/** 実施者（R）不在: somebody answers for it but nobody does it. */
export const noResponsibleRule: TFindingRule = {
  code: 'no_responsible',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '実施（R）を担う当事者がいない分担',
    en: 'An assignment in which no party is responsible (R).',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const sc of ctx.cells) {
      if (sc.effective === null || partiesWithRole(sc.effective, 'R').length > 0) continue;
      const label = cellLabel(sc);
      const note = sourceNote(sc);
      out.push(
        makeFinding(
          'no_responsible',
          'blocking',
          [sc.cell.id],
          {
            cellIds: [sc.cell.id],
            assetIds: sc.asset ? [sc.asset.id] : [],
            partyIds: partiesWithAnyRole(sc.effective),
            dutyIds: [sc.duty.id],
          },
          {
            ja: `${note.ja}${label.ja}に実施者（R）がいません。実際に作業する当事者を決めてください。`,
            en: `No party is responsible (R) for ${label.en}${note.en}. Name who does the work.`,
          },
        ),
      );
    }
    return out;
  },
};
