/**
 * The bare baselines of the other writes (bench/scenarios/more-writes.ts): for each, the same
 * rows written in one plain transaction — lock, write, append the events to the chain the way
 * bench/bare-server.ts does — with no framework, authentication, validation, access checks or rules.
 */
import type { Raw } from './lib/raw.ts';

type Q = Raw['query'];
type Spec = { type: string; actorUserId: string; actorPartyId: string; subjectId: string; payload: Record<string, unknown> };
export type Append = (q: Q, engagementId: string, specs: Spec[]) => Promise<void>;

type Actor = { partyId: string; userId: string };
export type ReviewBody = Actor & { cellId: string; firstCheckAnswer: string; firstCheckOn: string; completedOn: string };
export type CommentBody = Actor & { cellId: string; body: string };
export type BulkBody = Actor & { engagementId: string; cellIds: string[]; assignment: Record<string, string[]>; reason: string };
export type AssetBody = Actor & { assetId: string; name: string };

export const bareWrites = (raw: Raw, append: Append) => ({
  /** 初回確認 / 完了日: lock the cell, update it, one cell.reviewed event. */
  review: (b: ReviewBody) =>
    raw.transaction(async (q) => {
      const [c] = await q<{ engagement_id: string; version: number }>(
        `update cells set first_check_answer = $2, first_check_on = $3, completed_on = $4, version = version + 1, updated_at = now() where id = $1 returning engagement_id, version`,
        [b.cellId, b.firstCheckAnswer, b.firstCheckOn, b.completedOn],
      );
      const changes = { firstCheckAnswer: b.firstCheckAnswer, firstCheckOn: b.firstCheckOn, completedOn: b.completedOn };
      await append(q, c!.engagement_id, [{ type: 'cell.reviewed', actorUserId: b.userId, actorPartyId: b.partyId, subjectId: b.cellId, payload: { cellId: b.cellId, changes, cellVersion: c!.version } }]);
      return { version: c!.version };
    }),

  /** A comment: insert it, one comment.created event. */
  comment: (b: CommentBody) =>
    raw.transaction(async (q) => {
      const [c] = await q<{ id: string; engagement_id: string }>(
        `insert into comments (cell_id, engagement_id, party_id, user_id, body) select id, engagement_id, $2, $3, $4 from cells where id = $1 returning id, engagement_id`,
        [b.cellId, b.partyId, b.userId, b.body],
      );
      await append(q, c!.engagement_id, [{ type: 'comment.created', actorUserId: b.userId, actorPartyId: b.partyId, subjectId: b.cellId, payload: { commentId: c!.id, cellId: b.cellId, body: b.body } }]);
      return { commentId: c!.id };
    }),

  /** 一括提案: lock the cells in id order, supersede their open proposals, insert one proposal each, update the cells, one event each. */
  bulk: (b: BulkBody) =>
    raw.transaction(async (q) => {
      const cells = await q<{ id: string; open_proposal_id: string | null; terms: unknown }>(
        `select id, open_proposal_id, terms from cells where engagement_id = $1 and id = any($2::uuid[]) order by id for update`,
        [b.engagementId, b.cellIds],
      );
      await q(`update proposals set status = 'superseded', closed_at = now() where id = any($1::uuid[]) and status = 'open'`, [cells.flatMap((c) => (c.open_proposal_id ? [c.open_proposal_id] : []))]);
      const inserted = await q<{ id: string; cell_id: string }>(
        `insert into proposals (cell_id, engagement_id, proposer_party_id, proposer_user_id, assignment, terms, reason, supersedes_id)
         select c.id, $1, $2, $3, $4::jsonb, c.terms, $5, c.open_proposal_id from cells c where c.id = any($6::uuid[]) returning id, cell_id`,
        [b.engagementId, b.partyId, b.userId, JSON.stringify(b.assignment), b.reason, b.cellIds],
      );
      const updated = await q<{ id: string; version: number; terms: unknown }>(
        `update cells set status = 'proposed', open_proposal_id = p.id, version = cells.version + 1, updated_at = now()
         from (select * from unnest($1::uuid[], $2::uuid[]) as x(cid, id)) p where cells.id = p.cid returning cells.id, cells.version, cells.terms`,
        [inserted.map((p) => p.cell_id), inserted.map((p) => p.id)],
      );
      const proposalOf = new Map(inserted.map((p) => [p.cell_id, p.id]));
      await append(
        q,
        b.engagementId,
        updated.map((c) => ({
          type: 'proposal.created',
          actorUserId: b.userId,
          actorPartyId: b.partyId,
          subjectId: c.id,
          payload: { proposalId: proposalOf.get(c.id), cellId: c.id, assignment: b.assignment, terms: c.terms, reason: b.reason, bulk: true, cellVersion: c.version },
        })),
      );
      return { proposed: updated.length };
    }),

  /** A structure edit (asset renamed): update the asset, one asset.updated event. */
  asset: (b: AssetBody) =>
    raw.transaction(async (q) => {
      const [a] = await q<{ engagement_id: string; version: number }>(`update assets set name = $2, version = version + 1 where id = $1 returning engagement_id, version`, [b.assetId, b.name]);
      await append(q, a!.engagement_id, [{ type: 'asset.updated', actorUserId: b.userId, actorPartyId: b.partyId, subjectId: b.assetId, payload: { changes: { name: b.name }, cellsCreated: 0, cellsDeleted: 0 } }]);
      return { version: a!.version };
    }),
});
