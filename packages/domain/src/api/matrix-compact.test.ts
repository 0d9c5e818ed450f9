import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TMatrixCell, TMatrixResponse } from './matrix.ts';
import { decodeColumn, decodeMatrix, encodeColumn, encodeMatrix } from './matrix-compact.ts';
import { ZMatrixCompactResponse } from './matrix-compact-schema.ts';

// Values as they travel: JSON has no -0, so a value is compared with its JSON form.
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

const cell = (i: number, over: Partial<TMatrixCell> = {}): TMatrixCell => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  engagementId: '10000000-0000-4000-8000-000000000000',
  dutyId: `20000000-0000-4000-8000-${String(i % 7).padStart(12, '0')}`,
  assetId: i % 3 === 0 ? null : `30000000-0000-4000-8000-${String(i % 5).padStart(12, '0')}`,
  status: i % 10 === 0 ? 'proposed' : 'agreed',
  assignment: { 'p-1': ['A', 'R'], 'p-2': i % 10 === 0 ? ['C'] : ['R'] },
  terms: { responseTime: '72時間以内', frequency: '', evidence: '', remarks: i === 4 ? 'only this one' : '' },
  notApplicableReason: null,
  kickoff: { firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '' },
  openProposalId: null,
  openProposal: null,
  version: 1 + (i % 2),
  updatedAt: `2026-12-0${1 + (i % 3)}T00:00:00.000Z`,
  findingCodes: i % 4 === 0 ? ['no_accountable'] : [],
  ...over,
}) as TMatrixCell;

const matrix = (n: number): TMatrixResponse => ({
  engagement: { id: '10000000-0000-4000-8000-000000000000', version: 3, status: 'negotiating' },
  parties: [],
  assets: [],
  duties: [],
  totalCells: n,
  cells: Array.from({ length: n }, (_, i) => cell(i)),
});

describe('compact matrix encoding', () => {
  it('decodes every column back to the values it encoded', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 60 }), (values) => {
        const column = encodeColumn(values);
        expect(decodeColumn(JSON.parse(JSON.stringify(column)), values.length)).toEqual(values);
      }),
    );
  });

  it('keeps only distinct values in a dictionary, whatever the key order of equal objects', () => {
    const column = encodeColumn([{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 3 }]);
    expect(column).toEqual({ values: [{ a: 1, b: 2 }, { a: 1, b: 3 }], index: [0, 0, 1] });
  });

  it('round-trips columns of objects, nested or not, whatever their shapes', () => {
    const objects = fc.array(fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'c'), json), { nil: null }), { maxLength: 80 });
    fc.assert(
      fc.property(objects, (values) => {
        expect(decodeColumn(JSON.parse(JSON.stringify(encodeColumn(values))), values.length)).toEqual(values);
      }),
    );
  });

  it('splits mostly-distinct objects of one shape into columns of their fields', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? null : { id: `p-${i}`, assignment: { h: ['A'] }, reason: 'テンプレート' }));
    const column = encodeColumn(values);
    expect(column).toMatchObject({ nested: { id: { plain: expect.any(Array) }, reason: { values: ['テンプレート'] } } });
    expect(decodeColumn(column, values.length)).toEqual(values);
  });

  it('sends nearly-unique fields (ids) as plain arrays', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `id-${i}`);
    expect(encodeColumn(ids)).toEqual({ plain: ids });
  });

  it('round-trips a matrix through JSON and matches the wire schema', () => {
    const m = matrix(250);
    const wire = JSON.parse(JSON.stringify(encodeMatrix(m)));
    expect(ZMatrixCompactResponse.parse(wire).cellCount).toBe(250);
    expect(decodeMatrix(wire)).toEqual(m);
  });

  it('is much smaller than the plain shape when cells repeat their values', () => {
    const m = matrix(2000);
    const plain = JSON.stringify(m).length;
    const compact = JSON.stringify(encodeMatrix(m)).length;
    expect(compact).toBeLessThan(plain / 3);
  });

  it('encodes an empty matrix', () => {
    const m = matrix(0);
    expect(decodeMatrix(encodeMatrix(m))).toEqual(m);
  });
});
