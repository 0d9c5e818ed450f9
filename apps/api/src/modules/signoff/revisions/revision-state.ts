import { type TCanonicalRevisionResult, type TDraftInfo, type TEngagementStatus, type TRevisionStanding, buildCanonicalRevision, revisionStanding } from '@bunkai/domain';
import { type Db, type RevisionHead, type RevisionStatus, type RevisionsRepository, loadSnapshot, sha256Hex } from '@bunkai/db';
import type { EngagementAccess } from '../../../access/engagement-access.ts';
import { type EventSpec, recordEvents } from '../../events/index.ts';

/** The live matrix in canonical form, with its hash. */
export type LiveState = Awaited<ReturnType<typeof loadSnapshot>> & { canonical: TCanonicalRevisionResult; sha256: string };

export const loadLiveState = async (repo: Pick<RevisionsRepository, 'organizationNames'>, tx: Db, engagementId: string): Promise<LiveState> => {
  const loaded = await loadSnapshot(tx, engagementId);
  const names = await repo.organizationNames(loaded.snapshot.parties.map((p) => p.organizationId), tx);
  const canonical = buildCanonicalRevision(loaded.snapshot, names);
  return { ...loaded, canonical, sha256: sha256Hex(canonical.text) };
};

/**
 * Where sign-off stands, derived from content rather than hooks: a frozen
 * revision whose hash no longer matches the live matrix is superseded; an
 * executed one stays executed (its signatures stay valid for its number).
 */
export type SignoffState = {
  rows: RevisionHead[];
  latest: RevisionHead | null;
  statusOf: (row: RevisionHead) => RevisionStatus;
  draft: TDraftInfo;
  /** The engagement status the revisions imply; null when nothing was ever frozen. */
  engagementStatus: TEngagementStatus | null;
};

export const signoffState = (rows: RevisionHead[], liveSha256: string): SignoffState => {
  const latest = rows.reduce<RevisionHead | null>((m, r) => (m === null || r.number > m.number ? r : m), null);
  const statusOf = (row: RevisionHead): RevisionStatus => {
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

/** 版の効力 of each revision, decided by the domain rule over all revisions with their effective status. */
export const revisionStandings = (rows: readonly RevisionHead[], statusOf: (row: RevisionHead) => RevisionStatus) => {
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  const all = rows.map((r) => ({ number: r.number, status: statusOf(r), frozenAt: iso(r.frozenAt), executedAt: iso(r.executedAt) }));
  return (row: RevisionHead): TRevisionStanding =>
    revisionStanding(all, { number: row.number, status: statusOf(row), frozenAt: iso(row.frozenAt), executedAt: iso(row.executedAt) });
};

/**
 * Persists what content-based detection found (write paths only): frozen
 * revisions that no longer match become `superseded`, and the engagement
 * status follows (`amending` while N+1 is drafted). Appends the events.
 */
export const persistSignoffState = async (
  repo: Pick<RevisionsRepository, 'markSuperseded' | 'engagementStatus' | 'setEngagementStatus'>,
  tx: Db,
  access: Pick<EngagementAccess, 'actor' | 'party' | 'engagement'>,
  state: SignoffState,
): Promise<void> => {
  const events: EventSpec[] = [];
  for (const row of state.rows) {
    if (row.status === 'frozen' && state.statusOf(row) === 'superseded') {
      await repo.markSuperseded(row.id, tx);
      row.status = 'superseded';
      events.push({ type: 'revision.superseded', subjectId: row.id, payload: { number: row.number, sha256: row.sha256, reason: 'matrix_changed' } });
    }
  }
  const current = await repo.engagementStatus(access.engagement.id, tx);
  const wanted = state.engagementStatus;
  if (wanted !== null && current !== undefined && current !== wanted) {
    await repo.setEngagementStatus(access.engagement.id, wanted, tx);
    events.push({ type: 'engagement.status_changed', subjectId: access.engagement.id, payload: { from: current, to: wanted } });
  }
  if (events.length) await recordEvents(tx, access, events);
};
