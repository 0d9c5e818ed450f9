import { type TInboxCountsQuery, type TInboxCountsResponse, type TInboxInput, type TInboxQuery, type TInboxResponse, countInbox, inboxPath, selectInbox } from '@bunkai/domain';
import { type Db, engagementsRepository, loadInboxSources, todayUtc } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { MatrixCache } from '../cells/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService; clock: Clock; matrixCache: MatrixCache };

/** A 完了予定日 this many days ahead (or less) is "near". */
export const DUE_SOON_DAYS = 7;

/**
 * 受信箱: what waits for the caller's party, engagement by engagement. The rules are the
 * domain's `selectInbox`; this loads the matrix, comments and revisions it decides on.
 * Observers (オブザーバー) owe nothing, and an owner whose organization holds no party has no inbox.
 */
export const createInboxService = ({ db, access, clock, matrixCache }: Deps) => {
  const engagementsRepo = engagementsRepository(db);

  /** The party's inbox entries in one engagement and the cells' names, from the kept matrix (one version, one day). */
  const entriesOf = async (engagementId: string, party: TInboxInput['party'], isSignatory: boolean, today: string) => {
    const { matrix: m, attached: src } = await matrixCache.withAttached(engagementId, 'inbox-sources', () => loadInboxSources({ engagementId }, db));
    const entries = selectInbox({
      engagementId,
      party,
      isSignatory,
      cells: m.cells,
      comments: src.comments,
      awaitingSignature: src.awaitingSignature,
      today,
      dueSoonDays: DUE_SOON_DAYS,
    });
    // Names for a list: without them every 承諾待ち line looks the same.
    const duties = new Map(m.snapshot.duties.map((d) => [d.id, d]));
    const assets = new Map(m.snapshot.assets.map((x) => [x.id, x.name]));
    const subjects = new Map(
      m.cells.map((c) => {
        const d = duties.get(c.dutyId);
        return [c.id, d ? { code: d.code, title: d.title, assetName: c.assetId ? (assets.get(c.assetId) ?? null) : null } : null];
      }),
    );
    return { entries, subjects };
  };

  const forEngagement = async (actor: Actor, engagementId: string) => {
    const a = await access.load(actor, engagementId);
    if (!a.party || a.party.role === 'observer') return null;
    const party = { id: a.party.id, role: a.party.role, displayName: a.party.displayName };
    const isSignatory = a.roles.includes('signatory');
    const today = todayUtc(clock.now());
    // Kept with the matrix version: every reader of the same party reads the same list until something changes.
    const { attached } = await matrixCache.withAttached(engagementId, `inbox:${party.id}:${party.role}:${party.displayName}:${isSignatory}:${today}`, () =>
      entriesOf(engagementId, party, isSignatory, today),
    );
    return { title: a.engagement.title, partyId: a.party.id, ...attached };
  };

  /** One engagement (404 when the caller has no part in it) or every engagement the caller sees, archived ones aside. */
  const perEngagement = async (actor: Actor, query: TInboxCountsQuery) => {
    const ids = query.engagementId
      ? [query.engagementId]
      : await engagementsRepo.listVisibleIds({ organizationId: actor.organizationId, userId: actor.userId, isAdmin: actor.orgRole === 'admin' }, false);
    const per = await Promise.all(ids.map(async (id) => ({ id, r: await forEngagement(actor, id) })));
    return per.flatMap(({ id, r }) => (r ? [{ id, r }] : []));
  };
  type Per = Awaited<ReturnType<typeof perEngagement>>;

  const countsOf = (per: Per): TInboxCountsResponse => {
    const engagements = per.map(({ id, r }) => ({ engagementId: id, title: r.title, partyId: r.partyId, ...countInbox(r.entries) }));
    return { ...countInbox(per.flatMap(({ r }) => r.entries)), engagements };
  };

  return {
    /** The counts alone, whole and per engagement: what the header shows, without serializing every item. */
    counts: async (actor: Actor, query: TInboxCountsQuery): Promise<TInboxCountsResponse> => countsOf(await perEngagement(actor, query)),

    /** The counts and one page of the items (engagement by engagement, in the domain's order). */
    inbox: async (actor: Actor, query: TInboxQuery): Promise<TInboxResponse> => {
      const per = await perEngagement(actor, query);
      const end = query.offset + query.limit;
      const items: TInboxResponse['items'] = [];
      let at = 0;
      // Only the page's items are named and shaped: the others are counted, not copied.
      for (const { r } of per) {
        const from = Math.max(0, query.offset - at);
        const to = Math.min(r.entries.length, end - at);
        for (let k = from; k < to; k++) {
          const e = r.entries[k]!;
          items.push({ ...e, engagementTitle: r.title, partyId: r.partyId, subject: (e.cellId && r.subjects.get(e.cellId)) || null, path: inboxPath(e) });
        }
        at += r.entries.length;
      }
      return { ...countsOf(per), items, nextOffset: end < at ? end : null };
    },

    /** How many items wait for the caller in one engagement (0 without a party). */
    waiting: async (actor: Actor, engagementId: string) => (await forEngagement(actor, engagementId))?.entries.length ?? 0,
  };
};
export type InboxService = ReturnType<typeof createInboxService>;
