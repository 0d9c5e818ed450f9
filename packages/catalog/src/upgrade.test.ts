import { describe, expect, it } from 'vitest';
import { previewCatalogUpgrade } from './upgrade.ts';
import { CATALOG_VERSION, CATALOG_VERSION_2026_1, catalogDutiesOf, diffCatalogVersions } from './versions/index.ts';

const v1 = catalogDutiesOf(CATALOG_VERSION_2026_1)!.map((d) => ({ ...d, catalogVersion: CATALOG_VERSION_2026_1 as string | null }));

describe('previewCatalogUpgrade', () => {
  it('reports for an engagement on 2026.1 exactly what 2026.2 changes and adds, each with its reason', () => {
    const entries = previewCatalogUpgrade(v1);
    const diff = diffCatalogVersions(CATALOG_VERSION_2026_1, CATALOG_VERSION);
    const key = (e: { code: string; kind: string }) => `${e.kind} ${e.code}`;
    // Order and part changes of the catalog are placement, not content: those alone are not offered.
    const contentDiff = diff.filter((c) => c.kind !== 'changed' || c.fields.some((f) => f !== 'order' && f !== 'kakuninhyoPart'));
    expect(entries.map(key).sort()).toEqual(contentDiff.map(key).sort());
    for (const e of entries) expect(e.reasons.length, e.code).toBeGreaterThan(0);
    const auth03 = entries.find((e) => e.code === 'AUTH-03')!;
    expect(auth03.kind).toBe('changed');
    expect(auth03.fields).toContain('references');
    expect(auth03.reasons[0]).toMatchObject({ version: CATALOG_VERSION });
    expect(auth03.proposed?.references).toEqual(catalogDutiesOf(CATALOG_VERSION)!.find((d) => d.code === 'AUTH-03')!.references);
  });

  it('keeps the engagement’s own placement, leaves custom duties and deliberate omissions alone, and reports withdrawn duties', () => {
    const vul02 = { ...v1.find((d) => d.code === 'VUL-02')!, kakuninhyoPart: 1 as const, order: 0 };
    const custom = { ...v1.find((d) => d.code === 'GOV-01')!, code: 'OWN-01', catalogVersion: null };
    const gone = { ...v1.find((d) => d.code === 'GOV-01')!, code: 'OLD-99' };
    const entries = previewCatalogUpgrade([vul02, custom, gone]);
    const changed = entries.find((e) => e.code === 'VUL-02')!;
    expect(changed.proposed).toMatchObject({ kakuninhyoPart: 1, order: 0 });
    expect(entries.find((e) => e.code === 'OWN-01')).toBeUndefined();
    expect(entries.find((e) => e.code === 'OLD-99')).toMatchObject({ kind: 'withdrawn', proposed: null, fromVersion: CATALOG_VERSION_2026_1 });
    // GOV-02 was in 2026.1 and left out of this engagement: not offered as "added".
    expect(entries.find((e) => e.code === 'GOV-02')).toBeUndefined();
    expect(entries.filter((e) => e.kind === 'added').every((e) => !catalogDutiesOf(CATALOG_VERSION_2026_1)!.some((d) => d.code === e.code))).toBe(true);
  });

  it('offers nothing to an engagement already on the newest version', () => {
    expect(previewCatalogUpgrade(catalogDutiesOf(CATALOG_VERSION)!.map((d) => ({ ...d, catalogVersion: CATALOG_VERSION })))).toEqual([]);
  });
});
