import { overdueDeadlines, type TMatrixCell } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../matrix/matrix-model.ts';

/** 期限 and 完了予定日 of the cell, when set; a passed one says so in words, not only in colour. */
export const Deadlines = ({ cell }: { cell: TMatrixCell }) => {
  const { t, fmtDate } = useI18n();
  if (!cell.dueOn && !cell.completionDueOn) return null;
  const late = overdueDeadlines(cell, todayIso());
  const one = (label: string, date: string | null | undefined, overdue: boolean) =>
    date ? (
      <span className={overdue ? 'badge badge-overdue' : 'badge'}>
        {label}: {fmtDate(date)}
        {overdue ? ` · ${t('deadline.overdue')}` : ''}
      </span>
    ) : null;
  return (
    <div className="panel-sub" data-testid="cell-deadlines">
      {one(t('deadline.dueOn'), cell.dueOn, late.due)}
      {one(t('deadline.completionDueOn'), cell.completionDueOn, late.completion)}
    </div>
  );
};
