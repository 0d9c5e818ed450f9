import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TBulkStep } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { cells, parties, proposals } from '../schema/index.ts';
import type { CellRow, ProposalRow } from './cells.ts';
import { toParty } from './parties.ts';

const CHUNK = 1000;
const chunks = <T>(rows: readonly T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * What a bulk proposal decides on: the engagement's parties, its cells among
 * `cellIds` locked `FOR UPDATE` in id order (so two bulk proposals over
 * overlapping cells cannot deadlock), and their open proposals.
 */
export const loadBulkAggregate = async ({ engagementId, cellIds }: { engagementId: string; cellIds: readonly string[] }, tx: Db) => {
  const partyRows = await tx.select().from(parties).where(eq(parties.engagementId, engagementId)).orderBy(asc(parties.position), asc(parties.createdAt));
  const rows: CellRow[] = [];
  for (const ids of chunks(cellIds))
    rows.push(...(await tx.select().from(cells).where(and(eq(cells.engagementId, engagementId), inArray(cells.id, ids))).orderBy(asc(cells.id)).for('update')));
  const openById = new Map<string, ProposalRow>();
  for (const ids of chunks(rows.flatMap((r) => (r.openProposalId ? [r.openProposalId] : []))))
    for (const p of await tx.select().from(proposals).where(inArray(proposals.id, ids))) openById.set(p.id, p);
  return { parties: partyRows.map(toParty), cells: rows, openById };
};

/** Writes decided bulk steps: supersedes the open proposals, inserts the new ones and updates every cell, a chunk per statement. */
export const writeBulkProposals = async ({ engagementId, steps }: { engagementId: string; steps: readonly TBulkStep[] }, tx: Db): Promise<void> => {
  for (const ids of chunks(steps.flatMap((s) => (s.close ? [s.close.id] : []))))
    await tx.update(proposals).set({ status: 'superseded', closedAt: sql`now()` }).where(and(inArray(proposals.id, ids), eq(proposals.status, 'open')));
  for (const part of chunks(steps)) {
    await tx.insert(proposals).values(
      part.map(({ insert: p }) => ({
        id: p.id,
        cellId: p.cellId,
        engagementId,
        proposerPartyId: p.proposerPartyId,
        proposerUserId: p.proposerUserId,
        assignment: p.assignment,
        terms: p.terms,
        reason: p.reason,
        supersedesId: p.supersedesId,
        ...(p.status === 'open' ? {} : { status: p.status, closedAt: sql`now()` }),
      })),
    );
    // One statement per chunk updates every cell with its own proposal id, status, assignment and terms.
    const values = sql.join(
      part.map(
        ({ cell, next }) =>
          sql`(${cell.id}::uuid, ${next.openProposalId}::uuid, ${next.status}::text, ${next.assignment === null ? null : JSON.stringify(next.assignment)}::jsonb, ${JSON.stringify(next.terms)}::jsonb)`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update cells set status = v.status, open_proposal_id = v.pid, assignment = v.assignment, terms = v.terms, version = cells.version + 1, updated_at = now()
        from (values ${values}) as v(cid, pid, status, assignment, terms) where cells.id = v.cid`,
    );
  }
};
