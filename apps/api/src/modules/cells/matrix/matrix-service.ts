import {
  CELL_STATUSES,
  type TCellDetailResponse,
  type TCellStatus,
  type TMatrixQuery,
  type TMatrixCompactResponse,
  type TMatrixResponse,
  encodeMatrix,
  type TProgressResponse,
  notFound,
} from '@bunkai/domain';
import { type Db, type LoadedMatrix, countComments } from '@bunkai/db';
import { type EngagementAccessService, ownParty } from '../../../access/engagement-access.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { loadCell } from '../cell-access.ts';
import { applyMatrixFilter, isAskedOf, parseMatrixFilter } from './matrix-filters.ts';
import { type ContentCoding, type MatrixCache, bodyIn } from './matrix-cache.ts';

type Deps = { db: Db; access: EngagementAccessService; cache: MatrixCache };

const whole = (m: LoadedMatrix, cells: TMatrixResponse['cells']): TMatrixResponse => ({
  engagement: { id: m.engagement.id, version: m.engagement.version, status: m.snapshot.engagement.status },
  parties: [...m.snapshot.parties],
  assets: [...m.snapshot.assets],
  duties: [...m.snapshot.duties],
  totalCells: m.cells.length,
  cells,
});

/** No filter and not "mine": the answer is the same for every reader, so it is built once per version. */
const unfiltered = (q: TMatrixQuery) =>
  q.party === undefined && q.phase === undefined && q.category === undefined && q.status === undefined && q.asset === undefined && q.finding === undefined && q.view !== 'mine';

export const createMatrixService = ({ db, access, cache }: Deps) => {
  /** The whole matrix (分担表) in one response, optionally filtered. */
  const list = async (actor: Actor, engagementId: string, query: TMatrixQuery): Promise<TMatrixResponse> => {
    const a = await access.require(actor, engagementId, 'engagement:read');
    const m = await cache.matrix(engagementId);
    const filter = parseMatrixFilter(query, {
      partyIds: m.snapshot.parties.map((p) => p.id),
      assetIds: m.snapshot.assets.map((x) => x.id),
      myPartyId: () => ownParty(a).id,
    });
    return whole(m, applyMatrixFilter(m.cells, m.snapshot.duties, filter));
  };
  return {
    list,
    /**
     * The same matrix, columnar (what the web app reads: ~10× fewer bytes before compression), as
     * text or in the given content coding. Unfiltered, it is encoded and compressed once per version.
     */
    listCompact: async (actor: Actor, engagementId: string, query: TMatrixQuery, coding: ContentCoding): Promise<string | Buffer | TMatrixCompactResponse> => {
      if (!unfiltered(query)) return encodeMatrix(await list(actor, engagementId, query));
      await access.require(actor, engagementId, 'engagement:read');
      return bodyIn(await cache.compact(engagementId, (m) => encodeMatrix(whole(m, m.cells))), coding);
    },

    /** One cell with its open proposal, finding codes, duty, asset and comment count. */
    get: async (actor: Actor, cellId: string): Promise<TCellDetailResponse> => {
      const { cell } = await loadCell(db, actor, { cellId }, 'engagement:read');
      const [m, n] = await Promise.all([cache.matrix(cell.engagementId), countComments({ cellId }, db)]);
      const found = m.cells.find((c) => c.id === cellId);
      const duty = m.snapshot.duties.find((d) => d.id === cell.dutyId);
      if (!found || !duty) throw notFound('Cell', cellId);
      return { cell: found, duty, asset: m.snapshot.assets.find((x) => x.id === cell.assetId) ?? null, commentCount: n };
    },

    /** Figures for the kickoff review: per status, 初回確認 / 完了日 recorded, and per party. */
    progress: async (actor: Actor, engagementId: string): Promise<TProgressResponse> => {
      await access.require(actor, engagementId, 'engagement:read');
      const m = await cache.matrix(engagementId);
      const byStatus = Object.fromEntries(CELL_STATUSES.map((s) => [s, 0])) as Record<TCellStatus, number>;
      for (const c of m.cells) byStatus[c.status] += 1;
      const applicable = m.cells.filter((c) => c.status !== 'not_applicable');
      return {
        total: m.cells.length,
        applicable: applicable.length,
        byStatus,
        agreed: byStatus.agreed,
        reviewed: m.cells.filter((c) => c.kickoff.firstCheckAnswer !== null).length,
        completed: m.cells.filter((c) => c.kickoff.completedOn !== null).length,
        parties: m.snapshot.parties.map((p) => {
          const asked = applicable.filter((c) => isAskedOf(c, p.id));
          const holds = asked.filter((c) => Boolean(c.assignment?.[p.id]?.length || c.openProposal?.assignment[p.id]?.length));
          return {
            partyId: p.id,
            displayName: p.displayName,
            role: p.role,
            withRole: holds.length,
            agreed: holds.filter((c) => c.status === 'agreed' && Boolean(c.assignment?.[p.id]?.length)).length,
            pendingAcceptances: applicable.filter((c) => c.openProposal?.pendingFrom.includes(p.id)).length,
          };
        }),
      };
    },
  };
};
export type MatrixService = ReturnType<typeof createMatrixService>;
