import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../canonical/canonical-json.ts';
import { canonicalCellsJson } from './canonical-cells.ts';
import type { TCanonicalCell } from './canonical-revision.ts';

const text = fc.oneof(fc.string(), fc.constantFrom('', 'e\u0301', '\u00e9', '"\\\n\t', '月次', '30日以内'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const partyKey = fc.integer({ min: 1, max: 12 }).map((n) => `P${n}`);
const cell: fc.Arbitrary<TCanonicalCell> = fc.record({
  key: text,
  duty: text,
  asset: maybe(text),
  status: fc.constantFrom('agreed', 'not_applicable', 'proposed'),
  assignment: maybe(fc.dictionary(partyKey, fc.subarray(['R', 'A', 'C', 'I'] as ('R' | 'A' | 'C' | 'I')[]))),
  terms: fc.record({ responseTime: text, frequency: text, evidence: text, remarks: text }),
  notApplicableReason: maybe(text),
  kickoff: fc.record({ firstCheckAnswer: maybe(fc.constantFrom('yes', 'no')), firstCheckOn: maybe(text), completedOn: maybe(text), notes: text }),
});

describe('canonicalCellsJson', () => {
  it('writes exactly what canonicalJson writes for the cells (NFC, escapes, party keys P1…P12 in code-unit order)', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 8 }), (cells) => {
        expect(canonicalCellsJson(cells)).toBe(canonicalJson(cells));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a lone surrogate as canonicalJson does', () => {
    const bad = { key: 'K', duty: 'D', asset: null, status: 'agreed', assignment: null, terms: { responseTime: '\ud800', frequency: '', evidence: '', remarks: '' }, notApplicableReason: null, kickoff: { firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '' } };
    expect(() => canonicalCellsJson([bad])).toThrow(/lone surrogate/);
  });
});
