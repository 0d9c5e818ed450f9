import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PARTY_ROLES, RACI_ROLES } from '../model/enums.ts';
import {
  assertCanRespond,
  canRespond,
  isAgreed,
  latestResponses,
  pendingAcceptors,
  rejectingParties,
  requiredAcceptors,
  type TAcceptanceParty,
  type TResponseLike,
} from './acceptance.ts';

const parties: TAcceptanceParty[] = [
  { id: 'hosp', role: 'hospital' },
  { id: 'ehr', role: 'ehr_vendor' },
  { id: 'net', role: 'network_vendor' },
  { id: 'obs', role: 'observer' },
];
const accept = (partyId: string, at?: string): TResponseLike => ({ partyId, response: 'accept', at });
const reject = (partyId: string, at?: string): TResponseLike => ({ partyId, response: 'reject', at });

describe('requiredAcceptors', () => {
  it('is the hospital plus every R or A party, minus the proposer, sorted and unique', () => {
    const a = { net: ['R' as const], ehr: ['A' as const, 'R' as const], obs: ['I' as const] };
    expect(requiredAcceptors(a, parties, 'ehr')).toEqual(['hosp', 'net']);
    expect(requiredAcceptors(a, parties, 'hosp')).toEqual(['ehr', 'net']);
    expect(requiredAcceptors(a, parties, 'obs')).toEqual(['ehr', 'hosp', 'net']);
  });

  it('does not require C or I parties', () => {
    expect(requiredAcceptors({ hosp: ['A', 'R'], ehr: ['C'], net: ['I'] }, parties, 'hosp')).toEqual([]);
  });

  it('requires every hospital party even without a role', () => {
    const two = [...parties, { id: 'hosp2', role: 'hospital' as const }];
    expect(requiredAcceptors({ ehr: ['R', 'A'] }, two, 'ehr')).toEqual(['hosp', 'hosp2']);
  });
});

describe('latest response', () => {
  it('a reject then an accept is an accept; an accept then a reject is a reject', () => {
    expect(pendingAcceptors(['hosp'], [reject('hosp'), accept('hosp')])).toEqual([]);
    expect(pendingAcceptors(['hosp'], [accept('hosp'), reject('hosp')])).toEqual(['hosp']);
    expect(rejectingParties(['hosp'], [accept('hosp'), reject('hosp')])).toEqual(['hosp']);
    expect(rejectingParties(['hosp'], [reject('hosp'), accept('hosp')])).toEqual([]);
  });

  it('orders by timestamp when given, whatever the array order', () => {
    const rows = [accept('hosp', '2025-01-02T10:00:00+09:00'), reject('hosp', '2025-01-02T00:30:00Z')];
    // 10:00+09:00 is 01:00Z, later than 00:30Z.
    expect(latestResponses(rows).get('hosp')).toBe('accept');
    expect(latestResponses([...rows].reverse()).get('hosp')).toBe('accept');
  });

  it('ignores responses of parties that are not required', () => {
    expect(pendingAcceptors(['ehr', 'hosp'], [accept('net'), accept('hosp')])).toEqual(['ehr']);
  });
});

describe('isAgreed', () => {
  const assignment = { hosp: ['A' as const], ehr: ['R' as const], net: ['C' as const] };

  it('needs the hospital and every R/A party; the proposer counts as accepting', () => {
    expect(isAgreed({ assignment, proposerPartyId: 'ehr', responses: [] }, parties)).toBe(false);
    expect(isAgreed({ assignment, proposerPartyId: 'ehr', responses: [accept('hosp')] }, parties)).toBe(true);
    expect(isAgreed({ assignment, proposerPartyId: 'net', responses: [accept('hosp')] }, parties)).toBe(false);
    expect(
      isAgreed({ assignment, proposerPartyId: 'net', responses: [accept('hosp'), accept('ehr')] }, parties),
    ).toBe(true);
  });

  it('a later reject undoes consent', () => {
    expect(
      isAgreed({ assignment, proposerPartyId: 'ehr', responses: [accept('hosp'), reject('hosp')] }, parties),
    ).toBe(false);
  });

  it('the hospital proposing to itself is agreed at once', () => {
    expect(isAgreed({ assignment: { hosp: ['R', 'A'] }, proposerPartyId: 'hosp', responses: [] }, parties)).toBe(true);
  });

  const ids = ['p1', 'p2', 'p3', 'p4'];
  const scenario = fc.record({
    parties: fc.tuple(...ids.map((id) => fc.constantFrom(...PARTY_ROLES).map((role) => ({ id, role })))),
    assignment: fc.dictionary(fc.constantFrom(...ids), fc.subarray([...RACI_ROLES], { minLength: 1 })),
    proposer: fc.constantFrom(...ids),
    responses: fc.array(
      fc.record({ partyId: fc.constantFrom(...ids), response: fc.constantFrom('accept' as const, 'reject' as const) }),
      { maxLength: 10 },
    ),
    extra: fc.constantFrom(...ids),
  });

  it('property: appending an acceptance never turns agreed into not agreed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = { assignment: s.assignment, proposerPartyId: s.proposer, responses: s.responses };
        const after = { ...before, responses: [...s.responses, accept(s.extra)] };
        if (isAgreed(before, s.parties)) expect(isAgreed(after, s.parties)).toBe(true);
      }),
    );
  });

  it('property: agreed ⇔ every required acceptor accepted last', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const required = requiredAcceptors(s.assignment, s.parties, s.proposer);
        const last = new Map(s.responses.map((r) => [r.partyId, r.response]));
        const expected = required.every((id) => last.get(id) === 'accept');
        expect(isAgreed({ assignment: s.assignment, proposerPartyId: s.proposer, responses: s.responses }, s.parties)).toBe(
          expected,
        );
      }),
    );
  });
});

describe('canRespond', () => {
  it('lets any non-observer party respond for itself', () => {
    expect(canRespond('hosp', parties)).toBe(true);
    expect(canRespond('net', parties, 'net')).toBe(true);
    expect(canRespond('obs', parties)).toBe(false);
    expect(canRespond('ghost', parties)).toBe(false);
    expect(canRespond('ehr', parties, 'hosp')).toBe(false);
  });

  it('assertCanRespond throws forbidden/cannot_respond', () => {
    expect(() => assertCanRespond('obs', parties)).toThrow(/observers/);
    expect(() => assertCanRespond('ehr', parties, 'hosp')).toThrow(/itself/);
    expect(() => assertCanRespond('ghost', parties)).toThrow(/not part/);
    expect(() => assertCanRespond('ehr', parties)).not.toThrow();
  });
});
