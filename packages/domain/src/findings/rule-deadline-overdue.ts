import type { TFinding } from './types.ts';
import { overdueDeadlines } from '../inbox/deadlines.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { cellLabel } from './labels.ts';

/**
 * 期限切れ (issue 15): a cell still not agreed after its 期限, or a いいえ item whose 完了予定日
 * passed with no 完了日 — the R7 checklist asks a target date for every いいえ, and a target
 * nobody meets is worth a warning. Evaluated on the snapshot's `today`; never blocks a freeze.
 */
export const deadlineOverdueRule: TFindingRule = {
  code: 'deadline_overdue',
  severity: 'warning',
  severities: ['warning'],
  description: {
    ja: '期限（分担の合意）を過ぎても合意されていない、または完了予定日を過ぎても完了日のない責任項目',
    en: 'A duty not agreed by its agree-by date (期限), or not completed by its target completion date (完了予定日).',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const sc of ctx.cells) {
      const late = overdueDeadlines(sc.cell, ctx.snapshot.today);
      if (!late.due && !late.completion) continue;
      const label = cellLabel(sc);
      const ja: string[] = [];
      const en: string[] = [];
      if (late.due) {
        ja.push(`${label.ja}は期限（${sc.cell.dueOn}）を過ぎても分担が合意されていません。`);
        en.push(`${label.en} was to be agreed by ${sc.cell.dueOn} and is not.`);
      }
      if (late.completion) {
        ja.push(`${label.ja}は完了予定日（${sc.cell.completionDueOn}）を過ぎても完了日が記録されていません。`);
        en.push(`${label.en} was to be completed by ${sc.cell.completionDueOn}; no completion date is recorded.`);
      }
      // Who owes it: the parties holding R or A in the agreed (or proposed) split.
      const owing = Object.entries(sc.effective ?? {})
        .filter(([, roles]) => roles?.includes('R') || roles?.includes('A'))
        .map(([partyId]) => partyId);
      out.push(
        makeFinding(
          'deadline_overdue',
          'warning',
          [sc.cell.id],
          { cellIds: [sc.cell.id], assetIds: sc.asset ? [sc.asset.id] : [], partyIds: owing, dutyIds: [sc.duty.id] },
          { ja: ja.join(''), en: en.join(' ') },
        ),
      );
    }
    return out;
  },
};
