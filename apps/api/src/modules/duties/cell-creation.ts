import { EMPTY_TERMS, planCells } from '@bunkai/domain';
import { type Db, cells } from '@bunkai/db';

type DutyLike = { id: string; appliesTo: readonly string[]; notApplicableReason: string | null };
type AssetLike = { id: string; category: string };

export type CellScope = 'all' | 'assets-only';

/**
 * Creates the missing cells (分担) for duties × assets, as planned by the
 * domain, in the caller's transaction. `assets-only` skips engagement-wide
 * cells (they exist from the moment their duty was added). A duty already
 * marked 対象外 gives its new cells that status and reason, so the matrix
 * stays consistent with the duty. Existing cells are left alone (the unique
 * (duty, asset) key makes the insert idempotent).
 */
export const createPlannedCells = async (
  tx: Db,
  engagementId: string,
  duties: readonly DutyLike[],
  assets: readonly AssetLike[],
  scope: CellScope = 'all',
): Promise<(typeof cells.$inferSelect)[]> => {
  const reasonByDuty = new Map(duties.map((d) => [d.id, d.notApplicableReason]));
  const plan = planCells(duties, assets).filter((k) => scope === 'all' || k.assetId !== null);
  const created: (typeof cells.$inferSelect)[] = [];
  for (let i = 0; i < plan.length; i += 1000) {
    const values = plan.slice(i, i + 1000).map((k) => {
      const reason = reasonByDuty.get(k.dutyId) ?? null;
      return { engagementId, ...k, terms: EMPTY_TERMS, ...(reason ? { status: 'not_applicable' as const, notApplicableReason: reason } : {}) };
    });
    created.push(...(await tx.insert(cells).values(values).onConflictDoNothing().returning()));
  }
  return created;
};

/** Per-key counts, for event payloads. */
export const countBy = <T>(rows: readonly T[], key: (r: T) => string | null): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

