import { describe, expect, it } from 'vitest';
import { type TInboxCell, type TInboxInput, countInbox, inboxPath, mentions, selectInbox } from './inbox.ts';

const cell = (id: string, over: Partial<TInboxCell> = {}): TInboxCell => ({
  id,
  status: 'unassigned',
  assignment: null,
  openProposal: null,
  kickoff: { firstCheckAnswer: null, completedOn: null },
  dueOn: null,
  completionDueOn: null,
  ...over,
});
const input = (over: Partial<TInboxInput>): TInboxInput => ({
  engagementId: 'e1',
  party: { id: 'ven', role: 'ehr_vendor', displayName: 'A社' },
  isSignatory: false,
  cells: [],
  comments: [],
  awaitingSignature: [],
  today: '2026-12-07',
  dueSoonDays: 7,
  ...over,
});
const kinds = (i: TInboxInput) => selectInbox(i).map((x) => `${x.kind}:${x.cellId ?? x.revisionId}`);
const open = (assignment: Record<string, ('R' | 'A' | 'C' | 'I')[]>, pendingFrom: string[]) => ({ id: 'p1', assignment, pendingFrom, createdAt: '2026-12-01T00:00:00.000Z' });

describe('selectInbox (受信箱)', () => {
  it('asks consent only of pending parties of a proposed cell; C/I and uninvolved parties see nothing', () => {
    const cells = [cell('c1', { status: 'proposed', openProposal: open({ hosp: ['A'], ven: ['R'], net: ['I'] }, ['ven']), dueOn: '2026-12-01' })];
    const [consent] = selectInbox(input({ cells }));
    expect(consent).toMatchObject({ kind: 'consent', cellId: 'c1', proposalId: 'p1', dueOn: '2026-12-01', overdue: true });
    expect(kinds(input({ cells, party: { id: 'net', role: 'network_vendor', displayName: 'B社' } }))).toEqual([]);
    // A disputed cell refuses accepts: it is "unsettled" for R/A holders, not a consent request.
    const disputed = [cell('c1', { status: 'disputed', openProposal: open({ hosp: ['A'], ven: ['R'] }, ['ven']) })];
    expect(kinds(input({ cells: disputed }))).toEqual(['unsettled:c1']);
  });

  it('gives unassigned cells to the hospital, disputed ones to their R/A holders; 対象外 cells never appear', () => {
    const cells = [cell('u1'), cell('d1', { status: 'disputed', assignment: { ven: ['A', 'R'] } }), cell('n1', { status: 'not_applicable' })];
    expect(kinds(input({ cells }))).toEqual(['unsettled:d1']);
    expect(kinds(input({ cells, party: { id: 'hosp', role: 'hospital', displayName: '病院' } }))).toEqual(['unsettled:u1']);
  });

  it('counts comments by others since the party last wrote, on cells where it has a role or that mention it', () => {
    const cells = [cell('c1', { status: 'agreed', assignment: { ven: ['C'] } }), cell('c2', { status: 'agreed', assignment: { hosp: ['R', 'A'] } })];
    const comments = [
      { id: 'm1', cellId: 'c1', partyId: 'hosp', body: '確認ください', createdAt: '2026-12-01T00:00:00Z' },
      { id: 'm2', cellId: 'c1', partyId: 'ven', body: '確認します', createdAt: '2026-12-02T00:00:00Z' },
      { id: 'm3', cellId: 'c1', partyId: 'hosp', body: 'お願いします', createdAt: '2026-12-03T00:00:00Z' },
      { id: 'm4', cellId: 'c1', partyId: 'net', body: '補足です', createdAt: '2026-12-04T00:00:00Z' },
      { id: 'm5', cellId: 'c2', partyId: 'hosp', body: '院内で対応', createdAt: '2026-12-01T00:00:00Z' },
      { id: 'm6', cellId: 'c2', partyId: 'net', body: '@A社 ご意見を', createdAt: '2026-12-02T00:00:00Z' },
    ];
    expect(selectInbox(input({ cells, comments })).map((x) => [x.kind, x.cellId, x.commentId, x.comments])).toEqual([
      ['comment', 'c1', 'm4', 2],
      ['comment', 'c2', 'm6', 1],
    ]);
    expect(mentions('@A社 ご意見を', 'A社')).toBe(true);
    expect(mentions('A社 ご意見を', 'A社')).toBe(false);
  });

  it('flags 完了予定日 near or past and いいえ without a target, for R/A holders of uncompleted items', () => {
    const ra = { ven: ['R' as const], hosp: ['A' as const] };
    const cells = [
      cell('soon', { status: 'agreed', assignment: ra, completionDueOn: '2026-12-14' }),
      cell('late', { status: 'agreed', assignment: ra, completionDueOn: '2026-12-01', kickoff: { firstCheckAnswer: 'no', completedOn: null } }),
      cell('far', { status: 'agreed', assignment: ra, completionDueOn: '2026-12-15' }),
      cell('done', { status: 'agreed', assignment: ra, completionDueOn: '2026-12-01', kickoff: { firstCheckAnswer: 'no', completedOn: '2026-11-30' } }),
      cell('notarget', { status: 'agreed', assignment: ra, kickoff: { firstCheckAnswer: 'no', completedOn: null } }),
      cell('informed', { status: 'agreed', assignment: { ven: ['I'], hosp: ['R', 'A'] }, kickoff: { firstCheckAnswer: 'no', completedOn: null } }),
    ];
    const got = selectInbox(input({ cells }));
    expect(got.map((x) => `${x.kind}:${x.cellId}:${x.overdue}`)).toEqual(['completion_due:soon:false', 'completion_due:late:true', 'no_target:notarget:false']);
  });

  it('asks a signatory to sign frozen revisions its party has not signed; counts every kind', () => {
    const awaitingSignature = [
      { id: 'r1', number: 1, frozenAt: '2026-12-01T00:00:00.000Z', signedPartyIds: ['hosp'] },
      { id: 'r2', number: 2, frozenAt: '2026-12-02T00:00:00.000Z', signedPartyIds: ['ven'] },
    ];
    expect(kinds(input({ awaitingSignature }))).toEqual([]);
    const items = selectInbox(input({ awaitingSignature, isSignatory: true }));
    expect(items.map((x) => x.revisionId)).toEqual(['r1']);
    expect(inboxPath(items[0]!)).toBe('/engagements/e1/sign-off');
    expect(inboxPath({ kind: 'consent', engagementId: 'e1', cellId: 'c1' })).toBe('/engagements/e1/matrix?cell=c1');
    expect(countInbox(items)).toEqual({ total: 1, byKind: { consent: 0, unsettled: 0, comment: 0, signature: 1, completion_due: 0, no_target: 0 } });
  });
});
