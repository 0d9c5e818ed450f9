import type { TCellStatus } from '../model/enums.ts';

export type TDeadlineCell = {
  status: TCellStatus;
  dueOn?: string | null | undefined;
  completionDueOn?: string | null | undefined;
  kickoff: { completedOn: string | null };
};

/**
 * Which of a cell's deadlines have passed on `today` (YYYY-MM-DD): 期限 (`dueOn`) while the cell
 * is not agreed, 完了予定日 (`completionDueOn`) while 完了日 is empty. 対象外 cells owe nothing.
 */
export const overdueDeadlines = (c: TDeadlineCell, today: string): { due: boolean; completion: boolean } => {
  if (c.status === 'not_applicable') return { due: false, completion: false };
  return {
    due: Boolean(c.dueOn && c.dueOn < today && c.status !== 'agreed'),
    completion: Boolean(c.completionDueOn && c.completionDueOn < today && !c.kickoff.completedOn),
  };
};
