import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { TAssignment } from '../model/cell.ts';
import { PARTY_ROLES, RACI_ROLES, type TRaciRole } from '../model/enums.ts';
import { isDomainError } from '../errors.ts';
import {
  assertValidAssignment,
  assertValidNotApplicable,
  normalizeAssignment,
  partiesWithRole,
  rolesOf,
  validateAssignment,
  validateNotApplicable,
  type TAssignmentParty,
} from './assignment.ts';

const parties: TAssignmentParty[] = [
  { id: 'hosp', role: 'hospital', displayName: '○○病院' },
  { id: 'ehr', role: 'ehr_vendor', displayName: 'A社' },
  { id: 'net', role: 'network_vendor', displayName: 'B社' },
  { id: 'obs', role: 'observer', displayName: '監査法人' },
];

const codes = (a: TAssignment) => validateAssignment(a, parties).problems.map((p) => p.code);

describe('normalizeAssignment', () => {
  it('dedupes and orders letters R, A, C, I, sorts keys and drops empty parties', () => {
    const n = normalizeAssignment({ net: ['I', 'C', 'I'], ehr: ['A', 'R'], obs: [], hosp: ['I', 'A', 'R', 'C'] });
    expect(n).toEqual({ ehr: ['R', 'A'], hosp: ['R', 'A', 'C', 'I'], net: ['C', 'I'] });
    expect(Object.keys(n)).toEqual(['ehr', 'hosp', 'net']);
  });

  it('does not mutate its input', () => {
    const a: TAssignment = { b: ['I', 'R'], a: ['A'] };
    normalizeAssignment(a);
    expect(a).toEqual({ b: ['I', 'R'], a: ['A'] });
  });

  const assignmentArb = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(...RACI_ROLES), { maxLength: 6 }),
  );

  it('property: idempotent', () => {
    fc.assert(
      fc.property(assignmentArb, (a) => {
        const once = normalizeAssignment(a);
        expect(normalizeAssignment(once)).toEqual(once);
        expect(Object.keys(normalizeAssignment(once))).toEqual(Object.keys(once));
      }),
    );
  });

  it('property: keeps exactly the set of (party, letter) pairs', () => {
    fc.assert(
      fc.property(assignmentArb, (a) => {
        const n = normalizeAssignment(a);
        for (const role of RACI_ROLES) expect(partiesWithRole(n, role)).toEqual(partiesWithRole(a, role));
      }),
    );
  });
});

describe('validateAssignment', () => {
  it('accepts exactly one A and at least one R', () => {
    expect(validateAssignment({ hosp: ['A'], ehr: ['R'], net: ['R', 'C'], obs: ['I'] }, parties)).toEqual({
      ok: true,
      problems: [],
    });
    expect(validateAssignment({ hosp: ['R', 'A'] }, parties).ok).toBe(true);
  });

  it('reports no_accountable and no_responsible', () => {
    expect(codes({ hosp: ['C'], ehr: ['I'] })).toEqual(['no_accountable', 'no_responsible']);
    expect(codes({})).toEqual(['no_accountable', 'no_responsible']);
  });

  it('reports multiple_accountable with the parties holding A', () => {
    const v = validateAssignment({ hosp: ['A'], ehr: ['A', 'R'] }, parties);
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ code: 'multiple_accountable', partyIds: ['ehr', 'hosp'] });
    expect(v.problems[0]?.message.ja).toContain('○○病院');
    expect(v.problems[0]?.message.ja).toContain('A社');
  });

  it('reports unknown_party', () => {
    const v = validateAssignment({ hosp: ['A'], ehr: ['R'], ghost: ['C'] }, parties);
    expect(v.problems.map((p) => [p.code, p.partyIds])).toEqual([['unknown_party', ['ghost']]]);
  });

  it('reports observer_with_duty for R or A, not for C or I', () => {
    expect(codes({ hosp: ['A'], obs: ['R'] })).toEqual(['observer_with_duty']);
    expect(codes({ obs: ['A'], ehr: ['R'] })).toEqual(['observer_with_duty']);
    expect(codes({ hosp: ['A'], ehr: ['R'], obs: ['C', 'I'] })).toEqual([]);
  });

  it('reports duplicate_role before normalization', () => {
    const v = validateAssignment({ hosp: ['A', 'A'], ehr: ['R', 'I', 'R'] }, parties);
    expect(v.problems.map((p) => [p.code, p.partyIds])).toEqual([['duplicate_role', ['ehr', 'hosp']]]);
    expect(validateAssignment(normalizeAssignment({ hosp: ['A', 'A'], ehr: ['R', 'R'] }), parties).ok).toBe(true);
  });

  it('gives every problem a bilingual message', () => {
    const v = validateAssignment({ obs: ['A', 'A'], ghost: ['C'] }, parties);
    expect(v.problems.map((p) => p.code)).toEqual([
      'no_responsible',
      'unknown_party',
      'observer_with_duty',
      'duplicate_role',
    ]);
    for (const p of v.problems) {
      expect(p.message.ja.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  });

  it('assertValidAssignment throws validation/invalid_assignment with the problems', () => {
    try {
      assertValidAssignment({ ehr: ['R'] }, parties);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      if (!isDomainError(e)) return;
      expect(e.kind).toBe('validation');
      expect(e.code).toBe('invalid_assignment');
      expect((e.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['no_accountable']);
    }
    expect(assertValidAssignment({ net: ['I'], hosp: ['A', 'R'] }, parties)).toEqual({
      hosp: ['R', 'A'],
      net: ['I'],
    });
  });

  const world = fc
    .uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), { minLength: 1 })
    .chain((ids) =>
      fc.record({
        parties: fc.tuple(...ids.map((id) => fc.constantFrom(...PARTY_ROLES).map((role) => ({ id, role })))),
        assignment: fc.dictionary(
          fc.constantFrom(...ids, 'stranger'),
          fc.array(fc.constantFrom(...RACI_ROLES), { minLength: 1, maxLength: 5 }),
        ),
      }),
    );

  it('property: ok ⇔ exactly one A, ≥1 R, all known, observers without R/A, no duplicates', () => {
    fc.assert(
      fc.property(world, ({ parties: ps, assignment: a }) => {
        const roleOf = new Map<string, string>(ps.map((p) => [p.id, p.role]));
        const entries = Object.entries(a);
        const expected =
          entries.filter(([, r]) => r.includes('A')).length === 1 &&
          entries.some(([, r]) => r.includes('R')) &&
          entries.every(([id]) => roleOf.has(id)) &&
          entries.every(([id, r]) => roleOf.get(id) !== 'observer' || !(r.includes('R') || r.includes('A'))) &&
          entries.every(([, r]) => new Set(r).size === r.length);
        expect(validateAssignment(a, ps).ok).toBe(expected);
      }),
    );
  });

  it('property: for known non-observer parties and normalized input, ok ⇔ exactly one A and ≥1 R', () => {
    const ids = ['hosp', 'ehr', 'net'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), fc.subarray([...RACI_ROLES] as TRaciRole[], { minLength: 1 })),
        (a) => {
          const holdersOf = (role: TRaciRole) => Object.values(a).filter((r) => r.includes(role)).length;
          expect(validateAssignment(a, parties).ok).toBe(holdersOf('A') === 1 && holdersOf('R') >= 1);
        },
      ),
    );
  });
});

describe('validateNotApplicable', () => {
  it('requires a non-blank reason', () => {
    expect(validateNotApplicable('クラウドのため院内サーバーなし')).toEqual({
      ok: true,
      reason: 'クラウドのため院内サーバーなし',
    });
    expect(validateNotApplicable('  理由  ')).toEqual({ ok: true, reason: '理由' });
    for (const r of ['', '   ', null, undefined]) {
      expect(validateNotApplicable(r)).toMatchObject({ ok: false, code: 'missing_reason' });
    }
    expect(validateNotApplicable('x'.repeat(501))).toMatchObject({ ok: false, code: 'reason_too_long' });
  });

  it('assertValidNotApplicable throws a validation error', () => {
    expect(() => assertValidNotApplicable(' ')).toThrow(/reason/);
    expect(assertValidNotApplicable(' ok ')).toBe('ok');
  });
});

describe('rolesOf', () => {
  it('lists a party letters in canonical order', () => {
    expect(rolesOf({ a: ['I', 'R'] }, 'a')).toEqual(['R', 'I']);
    expect(rolesOf({ a: ['I', 'R'] }, 'b')).toEqual([]);
    expect(rolesOf(null, 'a')).toEqual([]);
  });
});
