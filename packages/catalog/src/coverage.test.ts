import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coverageProblems, renderCoverageMarkdown } from './coverage-report.ts';
import { GL6_OPS_COVERAGE, coverageLabel } from './coverage.ts';
import type { TCoverageEntry } from './coverage.ts';
import { catalogDuties } from './duties/index.ts';
import { CATALOG_VERSION } from './versions/index.ts';

const DOC = fileURLToPath(new URL('../../../docs/catalog-coverage.md', import.meta.url));
const entry = (label: string): TCoverageEntry => {
  const e = GL6_OPS_COVERAGE.find((x) => coverageLabel(x) === label);
  if (e === undefined) throw new Error(`missing ${label}`);
  return e;
};
const dutiesOf = (label: string) => {
  const e = entry(label);
  return e.kind === 'covered' ? e.duties : [];
};

describe('coverage of GL 6.0 システム運用編 chapters 1–18', () => {
  it('lists all 89 遵守事項 in order, numbered per chapter', () => {
    expect(GL6_OPS_COVERAGE.length).toBe(89);
    const perChapter = new Map<number, number>();
    for (const e of GL6_OPS_COVERAGE) perChapter.set(e.chapter, (perChapter.get(e.chapter) ?? 0) + 1);
    expect([...perChapter.entries()]).toEqual([
      [1, 1], [2, 5], [3, 5], [4, 2], [5, 4], [6, 1], [7, 15], [8, 9], [9, 4],
      [10, 6], [11, 2], [12, 6], [13, 13], [14, 8], [15, 1], [16, 2], [17, 4], [18, 1],
    ]);
    for (const e of GL6_OPS_COVERAGE) expect(e.item, coverageLabel(e)).toBe(GL6_OPS_COVERAGE.filter((x) => x.chapter === e.chapter).indexOf(e) + 1);
  });

  it('agrees with the duties: listed duties cite the item, citing duties are listed', () => {
    expect(coverageProblems(catalogDuties)).toEqual([]);
  });

  it('gives every hospital-internal item a reason', () => {
    const internal = GL6_OPS_COVERAGE.filter((e) => e.kind === 'hospital_internal');
    expect(internal.map(coverageLabel)).toEqual(['6-①', '7-⑧', '16-②']);
    for (const e of internal) if (e.kind === 'hospital_internal') expect(e.reason.length, coverageLabel(e)).toBeGreaterThan(10);
  });

  it('covers the items issue 14 found missing', () => {
    expect(dutiesOf('7-⑬')).toContain('NET-08');
    expect(dutiesOf('7-⑭')).toContain('NET-10');
    expect(dutiesOf('8-⑧')).toContain('ACC-07');
    expect(dutiesOf('8-⑨')).toContain('ACC-08');
    expect(dutiesOf('14-⑧')).toEqual(expect.arrayContaining(['DAT-12', 'DAT-13']));
    expect(dutiesOf('15-①')).toContain('AUTH-05');
  });

  it('catches a listed duty that does not cite the item, and an unlisted duty that does', () => {
    const broken = GL6_OPS_COVERAGE.map((e) => (coverageLabel(e) === '7-⑬' && e.kind === 'covered' ? { ...e, duties: ['GOV-01'] } : e));
    expect(coverageProblems(catalogDuties, broken)).toEqual([
      '7-⑬: GOV-01 does not cite §7 遵守事項⑬',
      '7-⑬: NET-08 cites it but is not listed',
    ]);
  });

  it('matches docs/catalog-coverage.md (regenerate with `npx tsx packages/catalog/scripts/coverage.ts`)', () => {
    const expected = renderCoverageMarkdown(catalogDuties, CATALOG_VERSION);
    expect(readFileSync(DOC, 'utf8')).toBe(expected);
    for (const e of GL6_OPS_COVERAGE) expect(expected).toContain(`| ${coverageLabel(e)} |`);
  });
});
