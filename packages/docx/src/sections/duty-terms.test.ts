import { describe, expect, it } from 'vitest';
import { buildModel } from '../annex-model.ts';
import { largeAnnex } from '../fixtures/large-annex.ts';
import { commonTerms, numberRanges, targetLine, termsLine, type TTermKey } from './duty-terms.ts';

const terms = (o: Partial<Record<TTermKey, string>>) => new Map(Object.entries(o) as [TTermKey, string][]);

describe('duty terms (format 3)', () => {
  it('numbers runs of three or more assets as a range, shorter runs one by one', () => {
    const label = (i: number) => `A${String(i + 1).padStart(2, '0')}`;
    expect(numberRanges([7, 0, 1, 2, 3, 5, 8], label)).toBe('A01–A04、A06、A08、A09');
    expect(numberRanges([4], label)).toBe('A05');
  });

  it('shares a term only when every row states it alike, and leaves it out of the rows', () => {
    const rows = [terms({ responseTime: '4時間以内', frequency: '月1回' }), terms({ responseTime: '4時間以内', frequency: '週1回' })];
    const common = commonTerms(rows);
    expect([...common]).toEqual([['responseTime', '4時間以内']]);
    expect(termsLine(rows[1]!, common)).toBe('頻度：週1回');
    expect(termsLine(rows[0]!)).toBe('対応時間：4時間以内／頻度：月1回');
    expect(commonTerms([terms({ evidence: '' }), terms({ evidence: '' })]).size).toBe(0);
  });

  it('names up to three assets, and counts more per category with their numbers', () => {
    const model = buildModel(largeAnnex());
    const rows = model.parts.flatMap((p) => p.groups.flatMap((g) => g.rows));
    const many = rows.find((r) => r.assets.length > 3)!;
    const line = targetLine(many, model);
    expect(line).toMatch(/^[^：]+ ×\d+：A\d\d/);
    // Every asset of the row is covered by the numbers printed.
    const printed = new Set<string>();
    for (const part of line.split('／')) {
      for (const item of part.split('：')[1]!.split('、')) {
        const [from, to] = item.split('–').map((s) => Number(s.slice(1)));
        for (let n = from!; n <= (to ?? from!); n++) printed.add(`A${String(n).padStart(2, '0')}`);
      }
    }
    expect([...printed].sort()).toEqual(many.assets.map((a) => model.assetNumbers.get(a.id)).sort());
    const one = rows.find((r) => r.assets.length === 1)!;
    expect(targetLine(one, model)).toBe(`${model.assetNumbers.get(one.assets[0]!.id)} ${one.assets[0]!.name}`);
    expect(targetLine(rows.find((r) => r.assets.length === 0 && r.cell)!, model)).toBe('案件全体');
  });
});
