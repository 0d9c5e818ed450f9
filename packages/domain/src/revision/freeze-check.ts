/**
 * 凍結の可否: a matrix can be frozen into a revision only when nothing is left
 * to settle — no blocking finding, every cell agreed or not applicable (対象外),
 * and every party that must sign has an organization that can sign.
 */
import type { TFinding } from '../findings/types.ts';
import type { TEngagementSnapshot } from '../model/snapshot.ts';

export type TOpenCell = { cellId: string; dutyCode: string; assetName: string | null; status: string };
export type TUnjoinedParty = { partyId: string; role: string; displayName: string };

export type TFreezeBlockers = {
  blockingFindings: TFinding[];
  openCells: TOpenCell[];
  /** Placeholder parties nobody accepted: they could never sign, so the revision could never be executed. */
  unjoinedParties: TUnjoinedParty[];
};

/** Parties whose signature executes a revision: everyone but observers. */
export const isSigningParty = (p: { role: string }): boolean => p.role !== 'observer';

export const freezeBlockers = (snapshot: TEngagementSnapshot, findings: readonly TFinding[]): TFreezeBlockers => {
  const dutyById = new Map(snapshot.duties.map((d) => [d.id, d]));
  const assetById = new Map(snapshot.assets.map((a) => [a.id, a]));
  const openCells: TOpenCell[] = [];
  for (const c of snapshot.cells) {
    if (c.status === 'agreed' || c.status === 'not_applicable') continue;
    const duty = dutyById.get(c.dutyId);
    // A duty the engagement marked 対象外 takes its cells out of scope, whatever their status.
    if (duty && duty.notApplicableReason !== null) continue;
    openCells.push({
      cellId: c.id,
      dutyCode: duty?.code ?? c.dutyId,
      assetName: c.assetId === null ? null : (assetById.get(c.assetId)?.name ?? null),
      status: c.status,
    });
  }
  return {
    blockingFindings: findings.filter((f) => f.severity === 'blocking'),
    openCells,
    unjoinedParties: snapshot.parties
      .filter((p) => isSigningParty(p) && p.organizationId === null)
      .map((p) => ({ partyId: p.id, role: p.role, displayName: p.displayName })),
  };
};

export const isFreezable = (b: TFreezeBlockers): boolean =>
  b.blockingFindings.length === 0 && b.openCells.length === 0 && b.unjoinedParties.length === 0;
