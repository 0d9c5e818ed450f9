import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isDomainError } from '../errors.ts';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.ts';

/** What a JSON value looks like after canonicalization: NFC strings, -0 as 0. */
const normalizeJson = (v: unknown): unknown => {
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(normalizeJson);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize('NFC'), normalizeJson(x)]));
  }
  return v;
};

/** Rebuilds every object of `v` with its keys in a permuted order. */
const reorderKeys = (v: unknown, seed: number): unknown => {
  if (Array.isArray(v)) return v.map((x, i) => reorderKeys(x, seed + i));
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!).reverse();
    return Object.fromEntries(rotated.map(([k, x]) => [k, reorderKeys(x, seed + 1)]));
  }
  return v;
};

// Full Unicode strings, excluding lone surrogates which are rejected by design.
const jsonValue = fc.jsonValue({ stringUnit: 'binary' });
const wellFormed = (s: string): boolean => !/\p{Surrogate}/u.test(s);
const isWellFormedJson = (v: unknown): boolean => {
  if (typeof v === 'string') return wellFormed(v);
  if (Array.isArray(v)) return v.every(isWellFormedJson);
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    const nfc = new Set(keys.map((k) => k.normalize('NFC')));
    return nfc.size === keys.length && keys.every(wellFormed) && Object.values(v).every(isWellFormedJson);
  }
  return true;
};
const wellFormedJson = jsonValue.filter(isWellFormedJson);

describe('canonicalJson', () => {
  it('sorts keys recursively by UTF-16 code units and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { z: null, y: true }], B: 'x' })).toBe(
      '{"B":"x","a":[3,{"y":true,"z":null}],"b":1}',
    );
    // Code units, not code points: U+1F600 starts with 0xD83D, which sorts before U+FF21.
    expect(canonicalJson({ 'Ａ': 2, '\u{1F600}': 1, 'é': 3 })).toBe('{"é":3,"\u{1F600}":1,"Ａ":2}');
    // Integer-like keys sort as strings too (JS objects would enumerate them first).
    expect(canonicalJson({ a: 3, 9: 2, 10: 1 })).toBe('{"10":1,"9":2,"a":3}');
  });

  it('keeps array order, drops undefined properties and writes -0 as 0', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(0.1)).toBe('0.1');
  });

  it('normalizes strings and keys to NFC', () => {
    const decomposed = 'ガ'.normalize('NFD');
    expect(decomposed).not.toBe('ガ');
    expect(canonicalJson({ [decomposed]: decomposed })).toBe(canonicalJson({ ガ: 'ガ' }));
  });

  it('escapes control characters the JSON way', () => {
    expect(canonicalJson('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
  });

  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o['k'] = 1;
    expect(canonicalJson(o)).toBe('{"k":1}');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['undefined', undefined],
    ['bigint', 1n],
    ['symbol', Symbol('s')],
    ['function', () => 1],
    ['Date', new Date(0)],
    ['Map', new Map()],
    ['nested NaN', { a: [1, { b: Number.NaN }] }],
    ['undefined array element', [1, undefined]],
    // eslint-disable-next-line no-sparse-arrays
    ['array hole', [1, , 2]],
    ['lone surrogate', '\uD800x'],
    ['lone surrogate key', { '\uDC00': 1 }],
    ['keys equal after NFC', { ['ガ'.normalize('NFD')]: 1, ガ: 2 }],
  ])('rejects %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(/canonicalJson/);
  });

  it('rejects cycles', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(() => canonicalJson(a)).toThrow(/cycle/);
  });

  it('names the path of the offending value', () => {
    expect(() => canonicalJson({ cells: [{ x: Number.NaN }] })).toThrow('$.cells[0].x');
  });

  it('throws a validation domain error (a 400 at the API), not a plain Error', () => {
    for (const bad of [{ s: '\uD800' }, undefined, { n: Infinity }]) {
      let thrown: unknown;
      try {
        canonicalJson(bad);
      } catch (e) {
        thrown = e;
      }
      expect(isDomainError(thrown)).toBe(true);
      expect(thrown).toMatchObject({ kind: 'validation', code: 'invalid_canonical_json' });
    }
  });

  it('encodes to UTF-8', () => {
    expect(Array.from(canonicalJsonBytes('分'))).toEqual([0x22, 0xe5, 0x88, 0x86, 0x22]);
  });

  it('property: key order of the input never changes the output', () => {
    fc.assert(
      fc.property(wellFormedJson, fc.nat(50), (v, seed) => {
        expect(canonicalJson(reorderKeys(v, seed))).toBe(canonicalJson(v));
      }),
    );
  });

  it('property: parse(canonicalJson(x)) deep-equals x (after NFC and -0 → 0)', () => {
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        expect(JSON.parse(canonicalJson(v))).toStrictEqual(normalizeJson(v));
      }),
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});
