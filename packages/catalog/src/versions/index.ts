import { ZDutyDefinition } from '@bunkai/domain';
import type { TDutyDefinition, TLocalized } from '@bunkai/domain';
import { catalogDuties, compareDuties } from '../duties/index.ts';
import { deepFreeze } from '../freeze.ts';
import { CHANGES_2026_2 } from './changes-2026.2.ts';
import type { TCatalogChangeKind, TCatalogChangeNote } from './changes-2026.2.ts';
import v2026_1 from './v2026.1.json' with { type: 'json' };

export type { TCatalogChangeKind, TCatalogChangeNote } from './changes-2026.2.ts';

/** The first catalog, kept byte for byte: engagements and signed revisions that copied it refer to it. */
export const CATALOG_VERSION_2026_1 = '2026.1';
/**
 * Version of the catalog new engagements copy. Engagements record it with their duties; a new
 * version is added beside the old ones (never edited in place) when a duty's text, scope,
 * references or the templates change.
 */
export const CATALOG_VERSION = '2026.2';
export const CATALOG_VERSIONS = [CATALOG_VERSION_2026_1, CATALOG_VERSION] as const;

const DUTIES: Readonly<Record<string, readonly TDutyDefinition[]>> = {
  [CATALOG_VERSION_2026_1]: deepFreeze(v2026_1.map((d) => ZDutyDefinition.parse(d)).sort(compareDuties)),
  [CATALOG_VERSION]: catalogDuties,
};

/** Change notes of each version against the one before it. */
const NOTES: Readonly<Record<string, Readonly<Record<string, TCatalogChangeNote>>>> = {
  [CATALOG_VERSION]: CHANGES_2026_2,
};

/** The duties of a catalog version, or undefined for an unknown version. */
export function catalogDutiesOf(version: string): readonly TDutyDefinition[] | undefined {
  return Object.hasOwn(DUTIES, version) ? DUTIES[version] : undefined;
}

/** The fields a reader compares between two versions of a duty. */
const COMPARED = ['title', 'description', 'phase', 'category', 'appliesTo', 'concerns', 'kakuninhyoPart', 'order', 'kakuninhyoItem', 'references'] as const;
export type TComparedField = (typeof COMPARED)[number];

/** One duty that differs between two versions, with what differs and why. */
export interface TCatalogChange {
  code: string;
  kind: TCatalogChangeKind;
  /** Fields that differ (empty for added and withdrawn duties). */
  fields: TComparedField[];
  /** Why, from the newer version's change notes; null when the notes say nothing (a data error the tests catch). */
  reason: TLocalized | null;
  before: TDutyDefinition | null;
  after: TDutyDefinition | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What `to` adds, changes or withdraws against `from`, in `to`'s catalog order (withdrawn duties
 * last). Pure; a later "upgrade an engagement" feature shows this and adopts it duty by duty.
 * Reasons come from the notes of `to`, which must be the version right after `from`.
 */
export function diffCatalogVersions(from: string, to: string): TCatalogChange[] {
  const before = catalogDutiesOf(from);
  const after = catalogDutiesOf(to);
  if (before === undefined || after === undefined) throw new RangeError(`unknown catalog version ${before === undefined ? from : to}`);
  const notes = NOTES[to] ?? {};
  const reason = (code: string) => notes[code]?.reason ?? null;
  const old = new Map(before.map((d) => [d.code, d]));
  const changes: TCatalogChange[] = [];
  for (const d of after) {
    const prev = old.get(d.code);
    if (prev === undefined) {
      changes.push({ code: d.code, kind: 'added', fields: [], reason: reason(d.code), before: null, after: d });
      continue;
    }
    const fields = COMPARED.filter((f) => !same(prev[f], d[f]));
    if (fields.length > 0) changes.push({ code: d.code, kind: 'changed', fields, reason: reason(d.code), before: prev, after: d });
  }
  const current = new Set(after.map((d) => d.code));
  for (const d of before) {
    if (!current.has(d.code)) changes.push({ code: d.code, kind: 'withdrawn', fields: [], reason: reason(d.code), before: d, after: null });
  }
  return changes;
}

/** The change notes of a version (by duty code), for checking and display. */
export function changeNotesOf(version: string): Readonly<Record<string, TCatalogChangeNote>> {
  return NOTES[version] ?? {};
}
