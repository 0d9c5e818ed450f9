import type { TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import { compareDuties } from '../matrix/matrix-model.ts';

/** The kickoff walk: every applicable cell, duties in the catalog's order (責任分担表), assets in position order (engagement-wide first). */
export const reviewItems = (m: TMatrixResponse): TMatrixCell[] => {
  const duty = new Map(m.duties.map((d) => [d.id, d]));
  const assetPos = new Map(m.assets.map((a) => [a.id, a.position]));
  return m.cells
    .filter((c) => c.status !== 'not_applicable')
    .sort((a, b) => {
      const da = duty.get(a.dutyId);
      const db = duty.get(b.dutyId);
      return (da && db ? compareDuties(da, db) : 0) || (a.assetId === null ? -1 : (assetPos.get(a.assetId) ?? 0)) - (b.assetId === null ? -1 : (assetPos.get(b.assetId) ?? 0));
    });
};

export type OpenItems = { notAgreed: TMatrixCell[]; noFirstCheck: TMatrixCell[]; noCompletion: TMatrixCell[] };

export const openItems = (items: readonly TMatrixCell[]): OpenItems => ({
  notAgreed: items.filter((c) => c.status !== 'agreed'),
  noFirstCheck: items.filter((c) => c.kickoff.firstCheckAnswer === null),
  noCompletion: items.filter((c) => c.kickoff.completedOn === null),
});
