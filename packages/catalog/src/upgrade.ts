import type { TDutyDefinition, TLocalized } from '@bunkai/domain';
import { CATALOG_VERSION, CATALOG_VERSIONS, type TComparedField, catalogDutiesOf, changeNotesOf } from './versions/index.ts';

/** An engagement's copy of a duty, as far as an upgrade looks at it. */
export type TUpgradableDuty = TDutyDefinition & { catalogVersion: string | null };

/** Why a newer version changed a duty: the version and its change note. */
export interface TUpgradeReason {
  version: string;
  reason: TLocalized;
}

/** One duty a newer catalog version adds to, changes in or withdraws from an engagement. */
export interface TCatalogUpgradeEntry {
  code: string;
  kind: 'added' | 'changed' | 'withdrawn';
  /** The catalog version the engagement's copy came from (null for added duties). */
  fromVersion: string | null;
  /** Fields the newer version changes (changed duties only; the engagement's own part and order are kept). */
  fields: TComparedField[];
  /** The change notes of every version after `fromVersion` that says something about the duty. */
  reasons: TUpgradeReason[];
  /** The engagement's copy now (null for added duties). */
  current: TDutyDefinition | null;
  /** What adopting makes of it (null for withdrawn duties). */
  proposed: TDutyDefinition | null;
}

const TEXT_FIELDS = ['title', 'description', 'phase', 'category', 'appliesTo', 'concerns', 'kakuninhyoItem', 'references'] as const satisfies readonly TComparedField[];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const rank = (v: string | null) => (v === null ? -1 : (CATALOG_VERSIONS as readonly string[]).indexOf(v));

const definitionOf = ({ catalogVersion: _c, ...d }: TUpgradableDuty & Record<string, unknown>): TDutyDefinition => ({
  code: d.code,
  title: d.title,
  description: d.description,
  phase: d.phase,
  category: d.category,
  appliesTo: d.appliesTo,
  concerns: d.concerns,
  kakuninhyoPart: d.kakuninhyoPart,
  order: d.order,
  ...(d.kakuninhyoItem === undefined ? {} : { kakuninhyoItem: d.kakuninhyoItem }),
  references: d.references,
});

/**
 * What upgrading an engagement's catalog duties to `to` would do, duty by duty. Pure.
 * - changed: a duty copied from an older version whose text, scope or references the catalog changed
 *   since (compared catalog to catalog, so the engagement's own placement — a template moving a duty
 *   first — is neither reported nor undone: part and order stay the engagement's);
 * - withdrawn: a duty copied from an older version that `to` no longer has;
 * - added: a duty that `to` has and that is new since `base`, the version the engagement started from
 *   (default: the oldest version among its copies) — duties that version already had and the engagement
 *   left out stay left out.
 * Custom and imported duties (catalogVersion null or unknown) are never touched.
 */
export function previewCatalogUpgrade(duties: readonly TUpgradableDuty[], { to = CATALOG_VERSION, base }: { to?: string; base?: string | null } = {}): TCatalogUpgradeEntry[] {
  const target = catalogDutiesOf(to);
  if (target === undefined) throw new RangeError(`unknown catalog version ${to}`);
  const byCode = new Map(target.map((d) => [d.code, d]));
  const reasonsFor = (code: string, from: string | null): TUpgradeReason[] =>
    CATALOG_VERSIONS.filter((v) => rank(v) > rank(from) && rank(v) <= rank(to)).flatMap((version) => {
      const note = changeNotesOf(version)[code];
      return note ? [{ version, reason: note.reason }] : [];
    });
  const catalogCopies = duties.filter((d) => d.catalogVersion !== null && rank(d.catalogVersion) >= 0 && rank(d.catalogVersion) < rank(to));
  const entries: TCatalogUpgradeEntry[] = [];
  for (const d of catalogCopies) {
    const current = definitionOf(d);
    const next = byCode.get(d.code);
    if (next === undefined) {
      entries.push({ code: d.code, kind: 'withdrawn', fromVersion: d.catalogVersion, fields: [], reasons: reasonsFor(d.code, d.catalogVersion), current, proposed: null });
      continue;
    }
    const was = catalogDutiesOf(d.catalogVersion!)!.find((x) => x.code === d.code);
    const fields = TEXT_FIELDS.filter((f) => !same(was?.[f], next[f]));
    if (fields.length === 0) continue;
    const proposed: TDutyDefinition = { ...current, ...Object.fromEntries(fields.map((f) => [f, next[f]])) };
    if (next.kakuninhyoItem === undefined) delete proposed.kakuninhyoItem;
    entries.push({ code: d.code, kind: 'changed', fromVersion: d.catalogVersion, fields, reasons: reasonsFor(d.code, d.catalogVersion), current, proposed });
  }
  const oldest = duties.reduce<string | null>((v, d) => (rank(d.catalogVersion) >= 0 && (v === null || rank(d.catalogVersion) < rank(v)) ? d.catalogVersion : v), null);
  const start = base !== undefined && base !== null && rank(base) >= 0 ? base : oldest;
  if (start !== null && rank(start) < rank(to)) {
    const had = new Set(catalogDutiesOf(start)!.map((d) => d.code));
    const present = new Set(duties.map((d) => d.code));
    for (const d of target)
      if (!had.has(d.code) && !present.has(d.code))
        entries.push({ code: d.code, kind: 'added', fromVersion: null, fields: [], reasons: reasonsFor(d.code, start), current: null, proposed: d });
  }
  return entries;
}
