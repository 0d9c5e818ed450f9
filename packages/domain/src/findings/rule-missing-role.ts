import type { TRaciRole } from '../model/enums.ts';
import type { TLocalized } from '../model/primitives.ts';
import { partiesWithAnyRole, partiesWithRole } from '../rules/assignment.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel, sourceNote } from './labels.ts';
import type { TFindingCode } from './types.ts';

/**
 * A cell whose effective assignment has work assigned but no party holding
 * `role` — the shape shared by 責任者（A）不在 and 実施者（R）不在.
 */
export const missingRoleRule = (spec: {
  code: Extract<TFindingCode, 'no_accountable' | 'no_responsible'>;
  role: TRaciRole;
  description: TLocalized;
  message: (label: TLocalized, note: TLocalized) => TLocalized;
}): TFindingRule => ({
  code: spec.code,
  severity: 'blocking',
  severities: ['blocking'],
  description: spec.description,
  run: (ctx) =>
    ctx.cells
      .filter((sc) => sc.effective !== null && partiesWithRole(sc.effective, spec.role).length === 0)
      .map((sc) =>
        makeFinding(
          spec.code,
          'blocking',
          [sc.cell.id],
          {
            cellIds: [sc.cell.id],
            assetIds: sc.asset ? [sc.asset.id] : [],
            partyIds: partiesWithAnyRole(sc.effective!),
            dutyIds: [sc.duty.id],
          },
          spec.message(cellLabel(sc), sourceNote(sc)),
        ),
      ),
});
