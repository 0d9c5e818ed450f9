import type { TFinding } from './types.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel, partyNames, sourceNote } from './labels.ts';
import { partiesWithRole } from '../rules/assignment.ts';

/** 責任者（A）が複数: shared accountability is the same gap in disguise. */
export const multipleAccountableRule: TFindingRule = {
  code: 'multiple_accountable',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '責任（A）を複数の当事者が持っている分担',
    en: 'An assignment in which more than one party is accountable (A).',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const sc of ctx.cells) {
      if (sc.effective === null) continue;
      const accountable = partiesWithRole(sc.effective, 'A');
      if (accountable.length < 2) continue;
      const label = cellLabel(sc);
      const note = sourceNote(sc);
      const names = partyNames(ctx.partyById, accountable);
      out.push(
        makeFinding(
          'multiple_accountable',
          'blocking',
          [sc.cell.id],
          {
            cellIds: [sc.cell.id],
            assetIds: sc.asset ? [sc.asset.id] : [],
            partyIds: accountable,
            dutyIds: [sc.duty.id],
          },
          {
            ja: `${note.ja}${label.ja}で責任者（A）が複数います（${names.ja}）。1者に絞ってください。`,
            en: `Several parties are accountable (A) for ${label.en}: ${names.en}${note.en}. Keep exactly one.`,
          },
        ),
      );
    }
    return out;
  },
};
