import type { TFinding } from './types.ts';
import type { TLocalized } from '../model/primitives.ts';
import { makeFinding, type TScopedCell, type TFindingRule } from './context.ts';
import { cellLabel, compareCellsForDisplay, labelList } from './labels.ts';
import { partiesWithRole } from '../rules/assignment.ts';

/**
 * 緊急連絡先なし: a party expected to act in an emergency (R on an emergency
 * duty) that nobody can reach — the 連絡体制図 would have a hole exactly when
 * it matters.
 */
export const emergencyContactMissingRule: TFindingRule = {
  code: 'emergency_contact_missing',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '非常時の責任項目で実施（R）を担う当事者に、緊急連絡先が登録されていない',
    en: 'A party responsible (R) for an emergency duty has no emergency contact.',
  },
  run: (ctx) => {
    const cellsByParty = new Map<string, TScopedCell[]>();
    for (const sc of ctx.cells) {
      if (sc.duty.phase !== 'emergency' || sc.effective === null) continue;
      for (const partyId of partiesWithRole(sc.effective, 'R')) {
        const party = ctx.partyById.get(partyId);
        // Unknown parties are a validation problem of the assignment, not a contact gap.
        if (!party || party.emergencyContacts.length > 0) continue;
        const list = cellsByParty.get(partyId);
        if (list) list.push(sc);
        else cellsByParty.set(partyId, [sc]);
      }
    }
    const out: TFinding[] = [];
    for (const [partyId, cells] of cellsByParty) {
      const name = ctx.partyById.get(partyId)?.displayName ?? partyId;
      const duties: TLocalized = labelList([...cells].sort(compareCellsForDisplay).map(cellLabel));
      out.push(
        makeFinding(
          'emergency_contact_missing',
          'blocking',
          [partyId],
          {
            cellIds: cells.map((sc) => sc.cell.id),
            assetIds: cells.flatMap((sc) => (sc.asset ? [sc.asset.id] : [])),
            partyIds: [partyId],
            dutyIds: cells.map((sc) => sc.duty.id),
          },
          {
            ja: `${name}は非常時の責任項目（${duties.ja}）の実施者（R）ですが、緊急連絡先が登録されていません。連絡体制図に載せる緊急連絡先を登録してください。`,
            en: `${name} is responsible (R) for emergency duties (${duties.en}) but has no emergency contact. Add one for the contact chart.`,
          },
        ),
      );
    }
    return out;
  },
};
