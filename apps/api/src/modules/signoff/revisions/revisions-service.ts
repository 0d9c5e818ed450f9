import {
  type TEngagementPermission,
  type TEngagementStatus,
  type TRevisionExport,
  REVISION_FORMAT,
  ZId,
  computeFindings,
  conflict,
  diffRevisions,
  freezeBlockers,
  isDomainError,
  isFreezable,
  limitDiffToParty,
  notFound,
  parseCanonicalRevision,
  validationError,
} from '@bunkai/domain';
import { type Db, type RevisionHead, type SignatureRow, revisionsRepository, signaturesRepository, toRevisionView } from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, assertPermission } from '../../../access/engagement-access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { recordEvents } from '../../events/index.ts';
import { partyKeyInRevision } from './party-keys.ts';
import { type LiveState, loadLiveState, revisionStandings, signoffState } from './revision-state.ts';

type Deps = { db: Db; access: EngagementAccessService; clock?: Clock };

/** Long blocker lists are cut here; `details.totals` gives the full counts. */
const MAX_LISTED = 200;

/** Everything a read of the sign-off state needs, in one place. */
const readContext = async (db: Db, engagementId: string) => {
  const repo = revisionsRepository(db);
  const live = await loadLiveState(repo, db, engagementId);
  const rows = await repo.ofEngagement(engagementId);
  const state = signoffState(rows, live.sha256);
  const sigs = await signaturesRepository(db).of(rows.map((r) => r.id));
  const parties = live.snapshot.parties;
  const orgNames = await repo.organizationNames([...parties.map((p) => p.organizationId), ...sigs.map((s) => s.organizationId)]);
  const sigsOf = (revisionId: string) => sigs.filter((s) => s.revisionId === revisionId);
  const standingOf = revisionStandings(rows, state.statusOf);
  const view = (row: RevisionHead) => toRevisionView(row, state.statusOf(row), live.sha256, sigsOf(row.id), parties, orgNames, standingOf(row));
  return { live, rows, state, sigs, sigsOf, view, standingOf };
};
export type ReadContext = Awaited<ReturnType<typeof readContext>>;

export const createRevisionsService = ({ db, access, clock = { now: () => new Date() } }: Deps) => {
  const repo = revisionsRepository(db);
  const sigRepo = signaturesRepository(db);

  /**
   * A revision through its engagement: unknown ids and engagements the caller
   * cannot see are both 404 (only that answer is renamed; any other error passes).
   */
  const loadRevision = async (actor: Actor, revisionId: string, permission: TEngagementPermission, tx: Db = db) => {
    if (!ZId.safeParse(revisionId).success) throw notFound('Revision', revisionId);
    const row = await repo.byId(revisionId, tx);
    if (!row) throw notFound('Revision', revisionId);
    let a: EngagementAccess;
    try {
      a = await access.load(actor, row.engagementId, tx);
    } catch (e) {
      if (isDomainError(e) && e.code === 'not_found') throw notFound('Revision', revisionId);
      throw e;
    }
    assertPermission(a, permission);
    return { row, access: a };
  };

  const ref = (r: RevisionHead) => ({ id: r.id, number: r.number, sha256: r.sha256 ?? '' });

  return {
    loadRevision,
    readContext: (engagementId: string) => readContext(db, engagementId),

    /** 凍結: the owner freezes the live matrix into revision N+1. */
    freeze: async (actor: Actor, engagementId: string) =>
      db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'revision:freeze', tx);
        await repo.lockEngagementWrites(engagementId, tx);
        const live = await loadLiveState(repo, tx, engagementId);
        const blockers = freezeBlockers(live.snapshot, computeFindings(live.snapshot));
        if (!isFreezable(blockers)) {
          throw conflict(
            'freeze_blocked',
            `Engagement ${engagementId} cannot be frozen yet: ${blockers.blockingFindings.length} blocking finding(s), ${blockers.openCells.length} cell(s) neither agreed nor not applicable, ${blockers.unjoinedParties.length} part(ies) not joined.`,
            {
              blockingFindings: blockers.blockingFindings.slice(0, MAX_LISTED),
              openCells: blockers.openCells.slice(0, MAX_LISTED),
              unjoinedParties: blockers.unjoinedParties,
              totals: { blockingFindings: blockers.blockingFindings.length, openCells: blockers.openCells.length },
            },
          );
        }
        const rows = await repo.ofEngagement(engagementId, tx);
        const latest = rows.at(-1);
        if (latest && (latest.status === 'frozen' || latest.status === 'executed') && latest.sha256 === live.sha256)
          throw conflict('no_changes', `Nothing changed since revision ${latest.number} (${latest.status}); there is nothing new to freeze.`, {
            revision: { id: latest.id, number: latest.number, sha256: latest.sha256 },
          });
        const superseded = rows.filter((r) => r.status === 'frozen');
        for (const r of superseded) await repo.markSuperseded(r.id, tx);
        const number = (latest?.number ?? 0) + 1;
        const row = await repo.insertFrozen(
          { engagementId, number, canonical: live.canonical.text, sha256: live.sha256, frozenAt: clock.now().toISOString(), frozenByUserId: actor.userId },
          tx,
        );
        await repo.setEngagementStatus(engagementId, 'signing', tx);
        await recordEvents(tx, a, [
          ...superseded.map((r) => ({ type: 'revision.superseded', subjectId: r.id, payload: { number: r.number, sha256: r.sha256, reason: 'new_revision' } })),
          { type: 'revision.frozen', subjectId: row.id, payload: { number, sha256: live.sha256, cells: live.snapshot.cells.length } },
          ...(a.engagement.status === 'signing' ? [] : [{ type: 'engagement.status_changed', subjectId: engagementId, payload: { from: a.engagement.status, to: 'signing' } }]),
        ]);
        const parties = live.snapshot.parties;
        const names = await repo.organizationNames(parties.map((p) => p.organizationId), tx);
        return { revision: toRevisionView(row, 'frozen', live.sha256, [], parties, names) };
      }),

    list: async (actor: Actor, engagementId: string) => {
      const a = await access.require(actor, engagementId, 'engagement:read');
      const ctx = await readContext(db, engagementId);
      return {
        revisions: ctx.rows.map(ctx.view),
        draft: ctx.state.draft,
        engagementStatus: (ctx.state.engagementStatus ?? a.engagement.status) as TEngagementStatus,
        liveSha256: ctx.live.sha256,
      };
    },

    get: async (actor: Actor, revisionId: string) => {
      const { row } = await loadRevision(actor, revisionId, 'engagement:read');
      const ctx = await readContext(db, row.engagementId);
      return { revision: ctx.view(ctx.rows.find((r) => r.id === row.id) ?? row), draft: ctx.state.draft };
    },

    /** The revision as a self-verifying document: hashing `canonical` gives `sha256`. */
    exportJson: async (actor: Actor, revisionId: string): Promise<TRevisionExport> => {
      const { row } = await loadRevision(actor, revisionId, 'engagement:read');
      const ctx = await readContext(db, row.engagementId);
      return {
        format: REVISION_FORMAT,
        engagementId: row.engagementId,
        number: row.number,
        sha256: row.sha256 ?? '',
        canonical: JSON.parse(row.canonical ?? '{}') as Record<string, unknown>,
        signatures: ctx.view(row).signatures,
      };
    },

    /** 版の差分: `against` (before) → this revision (after), same engagement only. */
    diff: async (actor: Actor, revisionId: string, againstId: string) => {
      const { row } = await loadRevision(actor, revisionId, 'engagement:read');
      const other = ZId.safeParse(againstId).success ? await repo.byId(againstId) : undefined;
      if (!other || other.engagementId !== row.engagementId) throw notFound('Revision', againstId);
      return { from: ref(other), to: ref(row), diff: diffRevisions(parseCanonicalRevision(other.canonical ?? ''), parseCanonicalRevision(row.canonical ?? '')) };
    },

    /** 「署名後に自分たちの分担で何が変わったか」: the party's last signed revision against the live matrix. */
    changesSinceSigned: async (actor: Actor, engagementId: string, partyId?: string) => {
      const a = await access.require(actor, engagementId, 'engagement:read');
      const id = partyId ?? a.party?.id;
      if (!id) throw validationError('party_required', 'Name the party (?partyId=): your organization holds no party in this engagement.');
      const party = await repo.partyInEngagement(engagementId, id);
      if (!party) throw notFound('Party', id);
      const live: LiveState = await loadLiveState(repo, db, engagementId);
      const rows = await repo.ofEngagement(engagementId);
      const sigs: SignatureRow[] = (await sigRepo.of(rows.map((r) => r.id))).filter((s) => s.partyId === id);
      const signed = rows.filter((r) => sigs.some((s) => s.revisionId === r.id)).at(-1);
      const keyAfter = live.canonical.partyKeys.get(id) ?? null;
      const partyView = { id, displayName: party.displayName, key: keyAfter ?? '' };
      if (!signed) return { party: partyView, signedRevision: null, liveSha256: live.sha256, changedSinceSigned: false, cells: { added: [], removed: [], changed: [] } };
      const before = parseCanonicalRevision((await repo.byId(signed.id))?.canonical ?? '');
      const keyBefore = partyKeyInRevision(before, live.canonical.canonical, keyAfter);
      const cells = limitDiffToParty(diffRevisions(before, live.canonical.canonical), keyBefore, keyAfter);
      const signature = sigs.find((s) => s.revisionId === signed.id)!;
      return {
        party: partyView,
        signedRevision: { ...ref(signed), signedAt: signature.signedAt },
        liveSha256: live.sha256,
        changedSinceSigned: signed.sha256 !== live.sha256,
        cells,
      };
    },
  };
};
export type RevisionsService = ReturnType<typeof createRevisionsService>;
