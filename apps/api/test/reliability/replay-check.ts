import { and, asc, eq, gt } from 'drizzle-orm';
import { type Db, cells, events, parties } from '@bunkai/db';
import { canonicalJson, normalizeAssignment, type TAssignment } from '@bunkai/domain';
import { type ReplayEvent, type ReplayedCell, newCell, replayCells } from './cell-replay.ts';

/** The event log of one engagement, page by page (it may hold hundreds of thousands of events). */
export const loadEvents = async (db: Db, engagementId: string, pageSize = 20_000): Promise<ReplayEvent[]> => {
  const out: ReplayEvent[] = [];
  for (let after = 0; ; ) {
    const page = await db
      .select({ seq: events.seq, type: events.type, actorPartyId: events.actorPartyId, payload: events.payload })
      .from(events)
      .where(and(eq(events.engagementId, engagementId), gt(events.seq, after)))
      .orderBy(asc(events.seq))
      .limit(pageSize);
    out.push(...page);
    if (page.length < pageSize) return out;
    after = page.at(-1)!.seq;
  }
};

const stateOf = (r: typeof cells.$inferSelect): ReplayedCell => ({
  status: r.status as ReplayedCell['status'],
  assignment: r.assignment,
  terms: r.terms,
  notApplicableReason: r.notApplicableReason,
  kickoff: { firstCheckAnswer: r.firstCheckAnswer as 'yes' | 'no' | null, firstCheckOn: r.firstCheckOn, completedOn: r.completedOn, notes: r.kickoffNotes },
  openProposalId: r.openProposalId,
  version: r.version,
});

const norm = (c: ReplayedCell) => canonicalJson({ ...c, assignment: c.assignment ? normalizeAssignment(c.assignment as TAssignment) : null });

/**
 * Replays the engagement's log and compares every cell with the table:
 * returns the cells that differ (empty means the log explains the state
 * exactly). Cells the log never mentions must still be as created.
 */
export const diffReplayWithDatabase = async (db: Db, engagementId: string) => {
  const partyRows = await db.select({ id: parties.id, role: parties.role }).from(parties).where(eq(parties.engagementId, engagementId));
  const log = await loadEvents(db, engagementId);
  const replayed = replayCells(log, partyRows as { id: string; role: 'hospital' }[]);
  const rows = await db.select().from(cells).where(eq(cells.engagementId, engagementId));
  const diffs: { cellId: string; db: ReplayedCell; replay: ReplayedCell }[] = [];
  for (const r of rows) {
    const actual = stateOf(r);
    const expected = replayed.get(r.id) ?? newCell();
    if (norm(actual) !== norm(expected)) diffs.push({ cellId: r.id, db: actual, replay: expected });
  }
  const ids = new Set(rows.map((r) => r.id));
  const unknown = [...replayed.keys()].filter((id) => !ids.has(id));
  return { events: log.length, cells: rows.length, diffs, unknownCells: unknown };
};
