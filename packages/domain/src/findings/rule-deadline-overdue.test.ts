import { describe, expect, it } from 'vitest';
import { computeFindings } from './index.ts';
import { createTestSnapshotBuilder } from './test-snapshot.ts';

const setup = () => {
  const b = createTestSnapshotBuilder({ today: '2026-12-07' });
  const hosp = b.party({ role: 'hospital', displayName: '○○病院' });
  const ehr = b.party({ role: 'ehr_vendor', displayName: 'A社' });
  const server = b.asset({ name: '電子カルテサーバー', category: 'server' });
  const duty = b.duty({ title: { ja: 'OSのパッチ適用', en: 'OS patching' } });
  return { b, hosp, ehr, server, duty };
};
const overdue = (b: ReturnType<typeof setup>['b']) => computeFindings(b.build()).filter((f) => f.code === 'deadline_overdue');

describe('deadline_overdue (期限切れ)', () => {
  it('warns of a cell still proposed after its 期限, naming the parties that owe it', () => {
    const { b, hosp, ehr, server, duty } = setup();
    const cell = b.cell({ duty, asset: server, status: 'proposed', proposedAssignment: { [hosp.id]: ['A'], [ehr.id]: ['R'] }, dueOn: '2026-12-01' });
    expect(overdue(b)).toEqual([
      {
        id: `deadline_overdue:${cell.id}`,
        code: 'deadline_overdue',
        severity: 'warning',
        cellIds: [cell.id],
        assetIds: [server.id],
        partyIds: [hosp.id, ehr.id].sort(),
        dutyIds: [duty.id],
        message: {
          ja: '「電子カルテサーバー」の「OSのパッチ適用」は期限（2026-12-01）を過ぎても分担が合意されていません。',
          en: '"OS patching" on "電子カルテサーバー" was to be agreed by 2026-12-01 and is not.',
        },
      },
    ]);
  });

  it('warns of an agreed いいえ item past its 完了予定日 without 完了日, and stops once it is done', () => {
    const { b, hosp, ehr, server, duty } = setup();
    const kickoff = { firstCheckAnswer: 'no' as const, firstCheckOn: '2026-10-01', completedOn: null, notes: '' };
    b.cell({ duty, asset: server, assignment: { [hosp.id]: ['A'], [ehr.id]: ['R'] }, kickoff, completionDueOn: '2026-11-30', dueOn: '2026-10-31' });
    expect(overdue(b).map((f) => f.message.ja)).toEqual(['「電子カルテサーバー」の「OSのパッチ適用」は完了予定日（2026-11-30）を過ぎても完了日が記録されていません。']);

    const done = setup();
    done.b.cell({ duty: done.duty, asset: done.server, assignment: { [done.hosp.id]: ['A'] }, kickoff: { ...kickoff, completedOn: '2026-11-29' }, completionDueOn: '2026-11-30' });
    expect(overdue(done.b)).toEqual([]);
  });

  it('says nothing of a deadline still ahead or due today', () => {
    const { b, server, duty } = setup();
    b.cell({ duty, asset: server, status: 'unassigned', dueOn: '2026-12-07', completionDueOn: '2027-01-01' });
    expect(overdue(b)).toEqual([]);
  });
});
