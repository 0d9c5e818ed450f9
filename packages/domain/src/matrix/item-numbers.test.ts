import { describe, expect, it } from 'vitest';
import { catalogItemNumbers } from './item-numbers.ts';

describe('catalogItemNumbers (the catalog’s own 項番)', () => {
  it('numbers by position inside each part, never by the raw sort key, with a prefix no spreadsheet reads as a date', () => {
    const numbers = catalogItemNumbers([
      { code: 'VUL-02', kakuninhyoPart: 1, order: 0 },
      { code: 'GOV-01', kakuninhyoPart: 1, order: 30 },
      { code: 'ACC-01', kakuninhyoPart: 2, order: 30 },
      { code: 'ACC-00', kakuninhyoPart: 2, order: 30 },
    ]);
    expect([...numbers]).toEqual([
      ['VUL-02', 'P1-001'],
      ['GOV-01', 'P1-002'],
      ['ACC-00', 'P2-001'],
      ['ACC-01', 'P2-002'],
    ]);
    for (const n of numbers.values()) expect(n).not.toMatch(/^\d+-\d+$/);
  });
});
