import { ZDutyDefinition } from '@bunkai/domain';
import { describe, expect, it } from 'vitest';
import { catalogDuties } from '../duties/index.ts';
import v2026_1 from './v2026.1.json' with { type: 'json' };
import { CATALOG_VERSION, CATALOG_VERSIONS, CATALOG_VERSION_2026_1, catalogDutiesOf, changeNotesOf, diffCatalogVersions } from './index.ts';

describe('catalog versions', () => {
  it('keeps 2026.1 intact beside 2026.2, which new engagements use', () => {
    expect(CATALOG_VERSIONS).toEqual(['2026.1', '2026.2']);
    expect(CATALOG_VERSION).toBe('2026.2');
    expect(catalogDutiesOf(CATALOG_VERSION)).toBe(catalogDuties);
    const v1 = catalogDutiesOf(CATALOG_VERSION_2026_1) ?? [];
    expect(v1.length).toBe(115);
    expect(v1.map((d) => d.code)).toEqual(v2026_1.map((d) => d.code));
    // The old data stays as it was signed, including its now-corrected references.
    expect(v1.find((d) => d.code === 'VUL-02')?.references.some((r) => r.section === '2-(7..9)')).toBe(true);
    for (const d of v1) expect(ZDutyDefinition.safeParse(d).success, d.code).toBe(true);
    expect(Object.isFrozen(v1)).toBe(true);
    expect(catalogDutiesOf('1999.1')).toBeUndefined();
  });

  it('explains every difference from 2026.1, and explains nothing that did not change', () => {
    const diff = diffCatalogVersions(CATALOG_VERSION_2026_1, CATALOG_VERSION);
    const notes = changeNotesOf(CATALOG_VERSION);
    expect(diff.map((c) => c.code).sort()).toEqual(Object.keys(notes).sort());
    for (const c of diff) {
      expect(c.kind, c.code).toBe(notes[c.code]?.kind);
      expect(c.reason?.ja.length ?? 0, c.code).toBeGreaterThan(10);
      expect(c.reason?.en.length ?? 0, c.code).toBeGreaterThan(10);
    }
  });

  it('reports kinds and changed fields an upgrade can show', () => {
    const diff = diffCatalogVersions(CATALOG_VERSION_2026_1, CATALOG_VERSION);
    const added = diff.filter((c) => c.kind === 'added');
    expect(added.length).toBe(catalogDuties.length - 115);
    expect(added.every((c) => c.before === null && c.after !== null)).toBe(true);
    expect(diff.filter((c) => c.kind === 'withdrawn')).toEqual([]);
    const vul02 = diff.find((c) => c.code === 'VUL-02');
    expect(vul02).toMatchObject({ kind: 'changed', fields: ['references'] });
    expect(diff.find((c) => c.code === 'CON-01')?.fields).toEqual(['kakuninhyoItem']);
    expect(diffCatalogVersions(CATALOG_VERSION, CATALOG_VERSION)).toEqual([]);
    expect(() => diffCatalogVersions('1999.1', CATALOG_VERSION)).toThrow(RangeError);
  });

  it('reports a withdrawn duty when the newer version drops it', () => {
    const back = diffCatalogVersions(CATALOG_VERSION, CATALOG_VERSION_2026_1);
    expect(back.filter((c) => c.kind === 'withdrawn').map((c) => c.code)).toContain('NET-08');
    expect(back.every((c) => c.reason === null)).toBe(true); // 2026.1 has no notes against 2026.2
  });
});
