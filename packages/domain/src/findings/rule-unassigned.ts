import type { TFinding } from './types.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel } from './labels.ts';

/** 担当未定: the root failure the product exists for — everyone assumes someone else does it. */
export const unassignedRule: TFindingRule = {
  code: 'unassigned',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '担当する当事者が決まっていない責任項目（合意も提案もない分担）',
    en: 'A duty nobody holds: no agreed assignment and no open proposal.',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const sc of ctx.cells) {
      if (sc.effective !== null) continue;
      const label = cellLabel(sc);
      const message =
        sc.cell.status === 'disputed'
          ? {
              ja: `${label.ja}は提案が却下されたまま、担当する当事者が決まっていません。`,
              en: `The proposal for ${label.en} was rejected and nobody holds it yet.`,
            }
          : {
              ja: `${label.ja}を担当する当事者が決まっていません。`,
              en: `Nobody holds ${label.en} yet.`,
            };
      out.push(
        makeFinding(
          'unassigned',
          'blocking',
          [sc.cell.id],
          { cellIds: [sc.cell.id], assetIds: sc.asset ? [sc.asset.id] : [], dutyIds: [sc.duty.id] },
          message,
        ),
      );
    }
    return out;
  },
};
