import { type SQL, sql } from 'drizzle-orm';
import { type TEngagementPermission, type TParty, notFound } from '@bunkai/domain';
import { type Db, type Param, cells, engagements, executeNamed, jsonRowReader, parties, proposalResponses, proposals } from '@bunkai/db';
import { type EngagementAccess, accessOf, assertPermission } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import type { CellRow } from '../matrix/cell-access.ts';
import type { OpenProposal } from '../matrix/matrix-repository.ts';

/** Everything one negotiation step decides on, read under the cell's row lock. */
export type CellAggregate = {
  access: EngagementAccess;
  cell: CellRow;
  /** The proposal asked for by id, or (by cell) the cell's open proposal; with its responses, oldest first. */
  target: OpenProposal | null;
  /** What the rules need of every party (RACI validation, acceptance). */
  parties: CellParty[];
};

export type CellParty = Pick<TParty, 'id' | 'role' | 'displayName'>;

export type CellTarget = { cellId: string } | { proposalId: string };

const readCell = jsonRowReader(cells);
const readEngagement = jsonRowReader(engagements);
const readParty = jsonRowReader(parties);
const readProposal = jsonRowReader(proposals);
const readResponse = jsonRowReader(proposalResponses);

type Json = Record<string, unknown>;
type AggregateRow = {
  cell: Json;
  seen_version: number;
  engagement: Json;
  party: Json | null;
  signatory: boolean;
  parties: CellParty[];
  proposal: Json | null;
  responses: Json[];
};

/**
 * One statement: lock the cell (`FOR UPDATE` in the first CTE), then the
 * caller's access (engagement, own party, signatory), every party, and the
 * target proposal with its responses — the write path's reads in one round trip.
 */
const aggregateStatement = (actor: Actor, target: CellTarget, p: Param): SQL => {
  const byCell = 'cellId' in target;
  const locate = byCell ? sql`id = ${p(target.cellId)}` : sql`id = (select cell_id from proposals where id = ${p(target.proposalId)})`;
  const proposalId = () => (byCell ? sql`c.open_proposal_id` : sql`${p(target.proposalId)}::uuid`);
  return sql`with c as (select * from cells where ${locate} for update)
    select to_jsonb(c) as cell,
      (select seen.version from cells seen where seen.id = c.id) as seen_version,
      to_jsonb(e) as engagement,
      to_jsonb(p) as party,
      exists (select 1 from signatories s where s.party_id = p.id and s.user_id = ${p(actor.userId)}) as signatory,
      (select jsonb_agg(jsonb_build_object('id', x.id, 'role', x.role, 'displayName', x.display_name) order by x.position, x.created_at)
        from parties x where x.engagement_id = c.engagement_id) as parties,
      (select to_jsonb(pr) from proposals pr where pr.id = ${proposalId()} and pr.cell_id = c.id) as proposal,
      (select coalesce(jsonb_agg(to_jsonb(r) order by r.created_at, r.id), '[]'::jsonb) from proposal_responses r where r.proposal_id = ${proposalId()}) as responses
    from c
    join engagements e on e.id = c.engagement_id
    left join lateral (select * from parties x where x.engagement_id = c.engagement_id and x.organization_id = ${p(actor.organizationId)} limit 1) p on true`;
};

/**
 * Locks a cell (found directly or through one of its proposals) and reads what
 * a negotiation step needs about it. Anything in an engagement the caller is no
 * party to is "not found" under its own name; then the permission is checked (403).
 *
 * A statement's reads share the snapshot taken when it started. If another
 * writer held the lock, the locked row is re-read once it commits but the rest
 * is not — and every negotiation write moves the cell's version, so a version
 * that differs from the one the snapshot saw means "read again" (we hold the
 * lock by then, so the second read is current).
 */
export const loadCellForWrite = async (tx: Db, actor: Actor, target: CellTarget, permission: TEngagementPermission): Promise<CellAggregate> => {
  const what = 'cellId' in target ? 'Cell' : 'Proposal';
  const id = 'cellId' in target ? target.cellId : target.proposalId;
  const name = 'cellId' in target ? 'bunkai_cell_for_write_by_cell' : 'bunkai_cell_for_write_by_proposal';
  const read = () => executeNamed<AggregateRow>(tx, name, (p) => aggregateStatement(actor, target, p));
  let [row] = await read();
  if (row && row.seen_version !== row.cell.version) [row] = await read();
  if (!row || ('proposalId' in target && !row.proposal)) throw notFound(what, id);
  const access = accessOf(actor, readEngagement(row.engagement), row.party ? readParty(row.party) : null, row.signatory);
  if (!access) throw notFound(what, id);
  assertPermission(access, permission);
  return {
    access,
    cell: readCell(row.cell),
    target: row.proposal ? { proposal: readProposal(row.proposal), responses: row.responses.map(readResponse) } : null,
    parties: row.parties,
  };
};
