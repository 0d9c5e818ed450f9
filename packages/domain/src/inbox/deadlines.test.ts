import { describe, expect, it } from 'vitest';
import { overdueDeadlines } from './deadlines.ts';

const today = '2026-12-07';
const cell = (over: Partial<Parameters<typeof overdueDeadlines>[0]> = {}) => ({ status: 'proposed' as const, dueOn: null, completionDueOn: null, kickoff: { completedOn: null }, ...over });

describe('overdueDeadlines (期限, 完了予定日)', () => {
  it('a 期限 before today is overdue until the cell is agreed', () => {
    expect(overdueDeadlines(cell({ dueOn: '2026-12-06' }), today).due).toBe(true);
    expect(overdueDeadlines(cell({ dueOn: today }), today).due).toBe(false);
    expect(overdueDeadlines(cell({ dueOn: '2026-12-06', status: 'agreed' }), today).due).toBe(false);
  });

  it('a 完了予定日 before today is overdue until 完了日 is set', () => {
    expect(overdueDeadlines(cell({ status: 'agreed', completionDueOn: '2026-11-30' }), today).completion).toBe(true);
    expect(overdueDeadlines(cell({ status: 'agreed', completionDueOn: '2026-11-30', kickoff: { completedOn: '2026-12-01' } }), today).completion).toBe(false);
  });

  it('対象外 cells owe nothing', () => {
    expect(overdueDeadlines(cell({ status: 'not_applicable', dueOn: '2026-01-01', completionDueOn: '2026-01-01' }), today)).toEqual({ due: false, completion: false });
  });
});
