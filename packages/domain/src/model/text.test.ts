import { describe, expect, it } from 'vitest';
import { ZName, ZText } from './primitives.ts';
import { findInvalidText, isCleanText } from './text.ts';

describe('clean text', () => {
  it('refuses NUL and lone surrogates, accepts pairs, kanji and controls PostgreSQL stores', () => {
    expect(isCleanText('責任分界 😀 \t\n')).toBe(true);
    expect(isCleanText('a\u0000b')).toBe(false);
    expect(isCleanText('\ud800')).toBe(false);
    expect(isCleanText('x\udc00')).toBe(false);
    expect(isCleanText('\ud83d\ude00')).toBe(true);
  });

  it('finds the first bad string or key anywhere in a JSON value', () => {
    expect(findInvalidText({ a: ['ok', { b: 'ok' }], c: 1, d: null })).toBeNull();
    expect(findInvalidText({ a: ['ok', { b: 'x\u0000' }] })).toBe('$.a[1].b');
    expect(findInvalidText({ ['k\ud800']: 1 })).toBe('$');
    expect(findInvalidText('\udfff')).toBe('$');
    expect(findInvalidText(Buffer.from('\u0000'))).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInvalidText(deep)).toMatch(/^\$\[0\]/);
  });

  it('is part of the shared bounded strings', () => {
    expect(ZName.safeParse('名前\u0000').success).toBe(false);
    expect(ZText.safeParse('\ud800').success).toBe(false);
    expect(ZName.parse('  名前 ')).toBe('名前');
  });
});
