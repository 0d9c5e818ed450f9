import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_TERMS, type TAssignment } from '../model/cell.ts';
import { RACI_ROLES } from '../model/enums.ts';
import { isDomainError } from '../errors.ts';
import type { TAssignmentParty } from '../rules/assignment.ts';
import { decideBulk } from './bulk.ts';
import { decidePropose, decideRespond, decideWithdraw } from './negotiation.ts';
import { cellStateOf, replayCellEvents, stateAfter, type TCellState } from './replay.ts';
import { decideApplicability, decideComment, decideReview } from './review.ts';
import type { TCellAggregate, TCellDecision, TCellEventSpec, TCellRecord, TProposalRecord, TResponseRecord } from './types.ts';

const parties: TAssignmentParty[] = [
  { id: 'hosp', role: 'hospital', displayName: '病院' },
  { id: 'ehr', role: 'ehr_vendor', displayName: 'A社' },
  { id: 'net', role: 'network_vendor', displayName: 'B社' },
  { id: 'obs', role: 'observer', displayName: '監査法人' },
];
const ids = parties.map((p) => p.id);
const actor = (partyId: string) => ({ userId: `user-${partyId}`, partyId });

const assignmentArb: fc.Arbitrary<TAssignment> = fc.oneof(
  fc.constantFrom<TAssignment>({ hosp: ['R', 'A'] }, { hosp: ['A'], ehr: ['R'] }, { ehr: ['R', 'A'], net: ['C'] }, { net: ['A'], ehr: ['R'], hosp: ['I'] }),
  fc.dictionary(fc.constantFrom(...ids), fc.subarray([...RACI_ROLES], { minLength: 1 })),
);
const dateArb = fc.constantFrom('2026-04-01', '2026-05-15', null);

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('propose' as const), party: fc.constantFrom(...ids), assignment: assignmentArb, stale: fc.boolean() }),
  fc.record({ kind: fc.constant('respond' as const), party: fc.constantFrom(...ids), response: fc.constantFrom('accept' as const, 'reject' as const) }),
  fc.record({ kind: fc.constant('withdraw' as const), party: fc.constantFrom(...ids), isOwner: fc.boolean() }),
  fc.record({ kind: fc.constant('bulk' as const), party: fc.constantFrom(...ids), assignment: assignmentArb }),
  fc.record({
    kind: fc.constant('review' as const),
    firstCheckAnswer: fc.option(fc.constantFrom('yes' as const, 'no' as const, null), { nil: undefined }),
    firstCheckOn: fc.option(dateArb, { nil: undefined }),
    completedOn: fc.option(dateArb, { nil: undefined }),
    completionDueOn: fc.option(fc.option(dateArb, { nil: null }), { nil: undefined }),
    notes: fc.option(fc.constantFrom('', '確認済み'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('applicability' as const), notApplicable: fc.boolean(), reason: fc.constantFrom('', '院内で対応しない') }),
  fc.record({ kind: fc.constant('comment' as const), party: fc.constantFrom(...ids) }),
);

type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

/** A tiny store: the cell, its proposals and their responses, as a writer would keep them. */
const createStore = (suggested: boolean) => {
  let n = 0;
  const clock = () => new Date(Date.UTC(2026, 3, 1) + n++ * 1000).toISOString();
  const cell: TCellRecord = {
    id: 'cell-1',
    engagementId: 'eng-1',
    status: 'unassigned',
    assignment: null,
    terms: EMPTY_TERMS,
    openProposalId: null,
    version: 1,
    notApplicableReason: null,
    firstCheckAnswer: null,
    firstCheckOn: null,
    completedOn: null,
    dueOn: null,
    completionDueOn: null,
    kickoffNotes: '',
  };
  const proposals = new Map<string, TProposalRecord>();
  const responses = new Map<string, TResponseRecord[]>();
  if (suggested) {
    // A template suggestion (推奨分担), filed under the hospital: nobody has consented yet.
    const p: TProposalRecord = { id: 'p-0', cellId: cell.id, proposerPartyId: 'hosp', proposerUserId: null, assignment: { hosp: ['A'], ehr: ['R'] }, terms: EMPTY_TERMS, reason: '', status: 'open', suggested: true, supersedesId: null, createdAt: clock() };
    proposals.set(p.id, p);
    responses.set(p.id, []);
    Object.assign(cell, { status: 'proposed', openProposalId: p.id });
  }
  const aggregate = (): TCellAggregate => {
    const open = cell.openProposalId ? proposals.get(cell.openProposalId) : undefined;
    return { cell: { ...cell }, target: open ? { proposal: { ...open }, responses: [...(responses.get(open.id) ?? [])] } : null, parties };
  };
  const write = (d: TCellDecision) => {
    if (d.close) proposals.set(d.close.id, { ...proposals.get(d.close.id)!, status: d.close.status });
    if (d.insert) {
      proposals.set(d.insert.id, { ...d.insert, createdAt: clock() });
      responses.set(d.insert.id, []);
    }
    if (d.respond) responses.get(d.respond.proposalId)!.push({ ...d.respond, createdAt: clock() });
    Object.assign(cell, d.next, { version: cell.version + 1 });
  };
  const decide = (c: Command): TCellDecision | { events: TCellEventSpec[] } => {
    const agg = aggregate();
    const version = agg.cell.version;
    switch (c.kind) {
      case 'propose':
        return decidePropose(agg, { actor: actor(c.party), proposalId: `p-${++n}`, assignment: c.assignment, reason: '', version: c.stale ? version - 1 : version });
      case 'respond':
        if (!agg.target) throw new Error('skip');
        return decideRespond(agg, { actor: actor(c.party), response: c.response, reason: c.response === 'reject' ? '体制上困難' : '', at: clock() });
      case 'withdraw':
        if (!agg.target) throw new Error('skip');
        return decideWithdraw(agg, { partyId: c.party, isOwner: c.isOwner });
      case 'bulk': {
        const open = agg.target ? new Map([[agg.target.proposal.id, agg.target.proposal]]) : new Map();
        const bulk = decideBulk(
          { cells: [agg.cell], openById: open, parties },
          { actor: actor(c.party), engagementId: 'eng-1', cellIds: [agg.cell.id], assignment: c.assignment, reason: '一括', newId: () => `p-${++n}` },
        );
        return bulk.steps[0]!;
      }
      case 'review':
        return decideReview(agg, { ...c, version, today: '2026-04-02' });
      case 'applicability':
        return decideApplicability(agg, { ...c, version });
      case 'comment':
        return decideComment(agg, { actor: actor(c.party), commentId: `c-${++n}`, body: '確認お願いします' });
    }
  };
  return { aggregate, write, decide };
};

describe('cell decisions', () => {
  it('property: replaying the events of each decision gives the state the decision returns, and the whole log gives the final state', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(commandArb, { maxLength: 25 }), (suggested, commands) => {
        const store = createStore(suggested);
        const initial: TCellState = cellStateOf(store.aggregate());
        const log: TCellEventSpec[] = [];
        let state = initial;
        for (const c of commands) {
          let d: ReturnType<typeof store.decide>;
          try {
            d = store.decide(c);
          } catch (e) {
            // A refused step (typed domain error) writes nothing.
            if (isDomainError(e) || (e instanceof Error && e.message === 'skip')) continue;
            throw e;
          }
          log.push(...d.events);
          if (!('next' in d)) {
            // A comment changes no cell state.
            expect(replayCellEvents(state, d.events, parties)).toEqual(state);
            continue;
          }
          const expected = stateAfter(state, d);
          expect(replayCellEvents(state, d.events, parties)).toEqual(expected);
          store.write(d);
          expect(cellStateOf(store.aggregate())).toEqual(expected);
          state = expected;
        }
        expect(replayCellEvents(initial, log, parties)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('a proposal that only the hospital must consent to, made by the hospital, is agreed in the same step', () => {
    const store = createStore(false);
    const d = store.decide({ kind: 'propose', party: 'hosp', assignment: { hosp: ['R', 'A'] }, stale: false }) as TCellDecision;
    expect(d.events.map((e) => e.type)).toEqual(['proposal.created', 'cell.agreed']);
    expect(d.next).toMatchObject({ status: 'agreed', assignment: { hosp: ['R', 'A'] }, openProposalId: null });
    expect(d.insert?.status).toBe('agreed');
  });

  it('bulk and single proposals build the same payload (bulk only adds its mark)', () => {
    const single = createStore(false).decide({ kind: 'propose', party: 'ehr', assignment: { hosp: ['A'], ehr: ['R'] }, stale: false }) as TCellDecision;
    const bulk = createStore(false).decide({ kind: 'bulk', party: 'ehr', assignment: { hosp: ['A'], ehr: ['R'] } }) as TCellDecision;
    const { bulk: mark, reason: _r, ...rest } = bulk.events[0]!.payload;
    const { reason: _s, ...singleRest } = single.events[0]!.payload;
    expect(mark).toBe(true);
    expect(Object.keys(bulk.events[0]!.payload)).toEqual([...Object.keys(single.events[0]!.payload), 'bulk']);
    expect({ ...rest, proposalId: 'x' }).toEqual({ ...singleRest, proposalId: 'x' });
  });
});
