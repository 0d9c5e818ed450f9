/**
 * 版の差分: what changed between two canonical revisions (or a revision and
 * the live matrix). Cells are matched by their stable key
 * (`<dutyCode>@<assetKey|*>`), duties by code, parties and assets by key.
 * Changed entries list every changed field with its value before and after.
 */
import { canonicalJson } from '../canonical/canonical-json.ts';
import type { TRaciRole } from '../model/enums.ts';
import type { TLocalized } from '../model/primitives.ts';
import type { TCanonicalCell, TCanonicalRevision } from './canonical-revision.ts';

export type TFieldChange = { field: string; before: unknown; after: unknown };

export type TCellRef = {
  key: string;
  dutyCode: string;
  dutyTitle: TLocalized | null;
  assetKey: string | null;
  assetName: string | null;
};

export type TCellDiff = {
  added: (TCellRef & { after: TCanonicalCell })[];
  removed: (TCellRef & { before: TCanonicalCell })[];
  changed: (TCellRef & { changes: TFieldChange[]; before: TCanonicalCell; after: TCanonicalCell })[];
};

export type TEntityDiff = {
  added: { key: string; after: unknown }[];
  removed: { key: string; before: unknown }[];
  changed: { key: string; changes: TFieldChange[] }[];
};

/** One cell where a party's letters differ (added and removed cells included). */
export type TPartyCellChange = { key: string; dutyCode: string; assetName: string | null; rolesBefore: TRaciRole[]; rolesAfter: TRaciRole[] };

export type TPartyDiffSummary = { partyKey: string; displayName: string; cells: TPartyCellChange[] };

export type TRevisionDiff = {
  engagement: TFieldChange[];
  parties: TEntityDiff;
  assets: TEntityDiff;
  duties: TEntityDiff;
  cells: TCellDiff;
  /** Per party (by key): the cells where its roles changed. Parties with no such cell are left out. */
  byParty: TPartyDiffSummary[];
  counts: { cellsAdded: number; cellsRemoved: number; cellsChanged: number };
};

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Field-level changes of two objects: nested objects become dotted paths
 * (`terms.remarks`, `kickoff.completedOn`); arrays and the fields named in
 * `leaves` (e.g. `assignment`) are compared whole.
 */
export const fieldChanges = (before: Record<string, unknown>, after: Record<string, unknown>, leaves: readonly string[] = [], prefix = ''): TFieldChange[] => {
  const out: TFieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) {
    if (k === 'key') continue;
    const path = prefix ? `${prefix}.${k}` : k;
    const b = before[k];
    const a = after[k];
    if (same(b, a)) continue;
    if (isPlain(b) && isPlain(a) && !leaves.includes(path)) out.push(...fieldChanges(b, a, leaves, path));
    else out.push({ field: path, before: b ?? null, after: a ?? null });
  }
  return out;
};

const entityDiff = <T extends Record<string, unknown>>(before: readonly T[], after: readonly T[], keyOf: (x: T) => string): TEntityDiff => {
  const b = new Map(before.map((x) => [keyOf(x), x]));
  const a = new Map(after.map((x) => [keyOf(x), x]));
  const diff: TEntityDiff = { added: [], removed: [], changed: [] };
  for (const [key, x] of a) {
    const old = b.get(key);
    if (!old) diff.added.push({ key, after: x });
    else {
      const changes = fieldChanges(old, x);
      if (changes.length > 0) diff.changed.push({ key, changes });
    }
  }
  for (const [key, x] of b) if (!a.has(key)) diff.removed.push({ key, before: x });
  return diff;
};

const rolesOf = (cell: TCanonicalCell | undefined, partyKey: string | null): TRaciRole[] =>
  partyKey === null ? [] : (cell?.assignment?.[partyKey] ?? []);

/** Diff `before` → `after`. Order of every list follows `after` (then `before` for removals). */
export const diffRevisions = (before: TCanonicalRevision, after: TCanonicalRevision): TRevisionDiff => {
  const dutyTitles = new Map([...before.duties, ...after.duties].map((d) => [d.code, d.title]));
  const assetNamesBefore = new Map(before.assets.map((a) => [a.key, a.name]));
  const assetNamesAfter = new Map(after.assets.map((a) => [a.key, a.name]));
  const ref = (c: TCanonicalCell, side: 'before' | 'after'): TCellRef => ({
    key: c.key,
    dutyCode: c.duty,
    dutyTitle: dutyTitles.get(c.duty) ?? null,
    assetKey: c.asset,
    assetName: c.asset === null ? null : ((side === 'after' ? assetNamesAfter : assetNamesBefore).get(c.asset) ?? null),
  });

  const beforeCells = new Map(before.cells.map((c) => [c.key, c]));
  const afterCells = new Map(after.cells.map((c) => [c.key, c]));
  const cells: TCellDiff = { added: [], removed: [], changed: [] };
  for (const c of after.cells) {
    const old = beforeCells.get(c.key);
    if (!old) cells.added.push({ ...ref(c, 'after'), after: c });
    else {
      const changes = fieldChanges(old, c, ['assignment']);
      if (changes.length > 0) cells.changed.push({ ...ref(c, 'after'), changes, before: old, after: c });
    }
  }
  for (const c of before.cells) if (!afterCells.has(c.key)) cells.removed.push({ ...ref(c, 'before'), before: c });

  const partyKeys = [...new Set([...after.parties.map((p) => p.key), ...before.parties.map((p) => p.key)])];
  const partyName = new Map([...before.parties, ...after.parties].map((p) => [p.key, p.displayName]));
  const touched = [
    ...cells.changed.map((x) => ({ key: x.key, dutyCode: x.dutyCode, assetName: x.assetName, before: x.before as TCanonicalCell | undefined, after: x.after as TCanonicalCell | undefined })),
    ...cells.added.map((x) => ({ key: x.key, dutyCode: x.dutyCode, assetName: x.assetName, before: undefined, after: x.after })),
    ...cells.removed.map((x) => ({ key: x.key, dutyCode: x.dutyCode, assetName: x.assetName, before: x.before, after: undefined })),
  ];
  const byParty = partyKeys
    .map((partyKey): TPartyDiffSummary => ({
      partyKey,
      displayName: partyName.get(partyKey) ?? partyKey,
      cells: touched
        .map((t) => ({ key: t.key, dutyCode: t.dutyCode, assetName: t.assetName, rolesBefore: rolesOf(t.before, partyKey), rolesAfter: rolesOf(t.after, partyKey) }))
        .filter((t) => !same(t.rolesBefore, t.rolesAfter)),
    }))
    .filter((p) => p.cells.length > 0);

  return {
    engagement: fieldChanges(before.engagement, after.engagement),
    parties: entityDiff(before.parties, after.parties, (p) => p.key),
    assets: entityDiff(before.assets, after.assets, (a) => a.key),
    duties: entityDiff(before.duties, after.duties, (d) => d.code),
    cells,
    byParty,
    counts: { cellsAdded: cells.added.length, cellsRemoved: cells.removed.length, cellsChanged: cells.changed.length },
  };
};

/**
 * 「署名後に自分たちの分担で何が変わったか」: the cell part of a diff, limited to
 * cells where the party holds a role after or held one before. The party may
 * sit at another key on each side (keys are positional), hence two keys.
 */
export const limitDiffToParty = (diff: TRevisionDiff, partyKeyBefore: string | null, partyKeyAfter: string | null): TCellDiff => {
  const held = (c: TCanonicalCell | undefined, k: string | null) => rolesOf(c, k).length > 0;
  return {
    added: diff.cells.added.filter((x) => held(x.after, partyKeyAfter)),
    removed: diff.cells.removed.filter((x) => held(x.before, partyKeyBefore)),
    changed: diff.cells.changed.filter((x) => held(x.before, partyKeyBefore) || held(x.after, partyKeyAfter)),
  };
};
