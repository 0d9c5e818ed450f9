import { and, asc, eq } from 'drizzle-orm';
import type { TEngagementSnapshot } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { assets, cells, duties, engagements, parties, proposals } from '../schema/index.ts';
import { toAsset } from './assets.ts';
import { toCell } from './cells.ts';
import { toDuty } from './duties.ts';
import { toEngagement } from './engagements.ts';
import { toParty } from './parties.ts';

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Reads one engagement in five queries into the snapshot the pure rules work
 * on (findings, freeze, annex). Order is stable: parties/assets by position,
 * duties in 確認表 order, cells by duty order then asset position.
 */
export const loadSnapshot = async (db: Db, engagementId: string, today = todayUtc()) => {
  const [engagementRow] = await db.select().from(engagements).where(eq(engagements.id, engagementId));
  if (!engagementRow) throw new Error(`engagement ${engagementId} missing`);
  // Sequential on purpose: callers pass a transaction too (freeze, sign), and one PostgreSQL
  // connection runs one query at a time anyway (pg deprecates queueing them concurrently).
  const partyRows = await db.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt));
  const assetRows = await db.select().from(assets).where(eq(assets.engagementId, engagementId)).orderBy(asc(assets.position), asc(assets.createdAt));
  const dutyRows = await db
    .select()
    .from(duties)
    .where(eq(duties.engagementId, engagementId))
    .orderBy(asc(duties.kakuninhyoPart), asc(duties.sortOrder), asc(duties.code));
  const cellRows = await db.select().from(cells).where(eq(cells.engagementId, engagementId));
  const openRows = await db
    .select({ id: proposals.id, assignment: proposals.assignment })
    .from(proposals)
    .where(and(eq(proposals.engagementId, engagementId), eq(proposals.status, 'open')));
  const openById = new Map(openRows.map((p) => [p.id, p.assignment]));
  const dutyOrder = new Map(dutyRows.map((d, i) => [d.id, i]));
  const assetOrder = new Map(assetRows.map((a, i) => [a.id, i]));
  // One numeric key per cell (duty position, then engagement-wide before the assets in position order),
  // computed once rather than with four map lookups in each of the n·log n comparisons.
  const width = assetRows.length + 1;
  const sortedCells = cellRows
    .map((c) => ({ c, k: (dutyOrder.get(c.dutyId) ?? 0) * width + (c.assetId ? (assetOrder.get(c.assetId) ?? 0) + 1 : 0) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
  const fullCells = sortedCells.map(toCell);
  const snapshot: TEngagementSnapshot = {
    engagement: toEngagement(engagementRow),
    parties: partyRows.map(toParty),
    assets: assetRows.map(toAsset),
    duties: dutyRows.map(toDuty),
    cells: fullCells.map((c) => ({ ...c, proposedAssignment: c.openProposalId ? (openById.get(c.openProposalId) ?? null) : null })),
    today,
  };
  return { snapshot, engagement: engagementRow, cells: fullCells };
};

