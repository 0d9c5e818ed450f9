import { and, eq, sql } from 'drizzle-orm';
import { type TCanonicalRevisionResult, type TDraftInfo, type TEngagementStatus, buildCanonicalRevision } from '@bunkai/domain';
import { type Db, engagements, revisions, sha256Hex } from '@bunkai/db';
import type { EngagementAccess } from '../../access/engagement-access.ts';
import { recordEvents } from '../events/index.ts';
import { loadSnapshot } from '@bunkai/db';
import { type RevisionRow, revisionsRepository as repo } from './revisions-repository.ts';

export type RevisionStatus = 'draft' | 'frozen' | 'executed' | 'superseded';

/** The live matrix in canonical form, with its hash. */
export type LiveState = Awaited<ReturnType<typeof loadSnapshot>> & { canonical: TCanonicalRevisionResult; sha256: string };

export const loadLiveState = async (tx: Db, engagementId: string): Promise<LiveState> => {
  const loaded = await loadSnapshot(tx, engagementId);
  const names = await repo.organizationNames(tx, loaded.snapshot.parties.map((p) => p.organizationId));
  const canonical = buildCanonicalRevision(loaded.snapshot, names);
  return { ...loaded, canonical, sha256: sha256Hex(canonical.text) };
};

/**
 * Where sign-off stands, derived from content rather than hooks: a frozen
 * revision whose hash no longer matches the live matrix is superseded; an
 * executed one stays executed (its signatures stay valid for its number).
 */
export type SignoffState = {
  rows: RevisionRow[];
  latest: RevisionRow | null;
  statusOf: (row: RevisionRow) => RevisionStatus;
  draft: TDraftInfo;
  /** The engagement status the revisions imply; null when nothing was ever frozen. */
  engagementStatus: TEngagementStatus | null;
};

export const signoffState = (rows: RevisionRow[], liveSha256: string): SignoffState => {
  const latest = rows.reduce<RevisionRow | null>((m, r) => (m === null || r.number > m.number ? r : m), null);
  const statusOf = (row: RevisionRow): RevisionStatus => {
    const stored = row.status as RevisionStatus;
    if (stored !== 'frozen') return stored;
    return row.id === latest?.id && row.sha256 === liveSha256 ? 'frozen' : 'superseded';
  };
  const latestStatus = latest ? statusOf(latest) : null;
  const settled = latest !== null && latest.sha256 === liveSha256 && (latestStatus === 'frozen' || latestStatus === 'executed');
  const draft: TDraftInfo = settled ? null : { number: (latest?.number ?? 0) + 1, changedSinceFrozen: latest !== null && latest.sha256 !== liveSha256 };
  const engagementStatus: TEngagementStatus | null = latest === null ? null : !settled ? 'amending' : latestStatus === 'executed' ? 'executed' : 'signing';
  return { rows, latest, statusOf, draft, engagementStatus };
};

/**
 * Persists what content-based detection found (write paths only): frozen
 * revisions that no longer match become `superseded`, and the engagement
 * status follows (`amending` while N+1 is drafted). Appends the events.
 */
export const persistSignoffState = async (tx: Db, access: Pick<EngagementAccess, 'actor' | 'party' | 'engagement'>, state: SignoffState): Promise<void> => {
  const events: { type: string; subjectId: string; payload: Record<string, unknown> }[] = [];
  for (const row of state.rows) {
    if (row.status === 'frozen' && state.statusOf(row) === 'superseded') {
      await tx.update(revisions).set({ status: 'superseded' }).where(and(eq(revisions.id, row.id), eq(revisions.status, 'frozen')));
      row.status = 'superseded';
      events.push({ type: 'revision.superseded', subjectId: row.id, payload: { number: row.number, sha256: row.sha256, reason: 'matrix_changed' } });
    }
  }
  const [current] = await tx.select({ status: engagements.status }).from(engagements).where(eq(engagements.id, access.engagement.id));
  const wanted = state.engagementStatus;
  if (wanted !== null && current && current.status !== wanted) {
    await setEngagementStatus(tx, access.engagement.id, wanted);
    events.push({ type: 'engagement.status_changed', subjectId: access.engagement.id, payload: { from: current.status, to: wanted } });
  }
  if (events.length) await recordEvents(tx, access, events);
};

export const setEngagementStatus = (tx: Db, engagementId: string, status: TEngagementStatus) =>
  tx
    .update(engagements)
    .set({ status, version: sql`${engagements.version} + 1`, updatedAt: sql`now()` })
    .where(eq(engagements.id, engagementId));
