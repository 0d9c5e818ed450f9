import { type SQL, sql } from 'drizzle-orm';
import type { TParty } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { type Param, executeNamed, jsonRowReader } from '../raw-statements.ts';
import { cells, engagements, parties, proposalResponses, proposals } from '../schema/index.ts';
import type { CellRow, ProposalResponseRow, ProposalRow } from './cells.ts';

export type CellParty = Pick<TParty, 'id' | 'role' | 'displayName'>;

/** The cell asked for directly, or the cell of a proposal (which becomes the target). */
export type CellTarget = { cellId: string } | { proposalId: string };

/** A cell with everything a step on it decides on, and what the caller's access is made of. */
export type CellAggregateRows = {
  cell: CellRow;
  engagement: typeof engagements.$inferSelect;
  /** The caller's organization's party in the engagement, if any. */
  party: typeof parties.$inferSelect | null;
  signatory: boolean;
  /** Every party of the engagement, in party order. */
  parties: CellParty[];
  /** The proposal asked for by id, or (by cell) the cell's open proposal; with its responses, oldest first. */
  target: { proposal: ProposalRow; responses: ProposalResponseRow[] } | null;
};

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

type Caller = { userId: string; organizationId: string };

/**
 * One statement: the cell (locked `FOR UPDATE` in the first CTE when writing),
 * then the caller's access (engagement, own party, signatory), every party, and
 * the target proposal with its responses — the write path's reads in one round trip.
 */
const aggregateStatement = (caller: Caller, target: CellTarget, lock: boolean, p: Param): SQL => {
  const byCell = 'cellId' in target;
  const locate = byCell ? sql`id = ${p(target.cellId)}` : sql`id = (select cell_id from proposals where id = ${p(target.proposalId)})`;
  const proposalId = () => (byCell ? sql`c.open_proposal_id` : sql`${p(target.proposalId)}::uuid`);
  return sql`with c as (select * from cells where ${locate}${lock ? sql` for update` : sql``})
    select to_jsonb(c) as cell,
      (select seen.version from cells seen where seen.id = c.id) as seen_version,
      to_jsonb(e) as engagement,
      to_jsonb(p) as party,
      exists (select 1 from signatories s where s.party_id = p.id and s.user_id = ${p(caller.userId)}) as signatory,
      (select jsonb_agg(jsonb_build_object('id', x.id, 'role', x.role, 'displayName', x.display_name) order by x.position, x.created_at)
        from parties x where x.engagement_id = c.engagement_id) as parties,
      (select to_jsonb(pr) from proposals pr where pr.id = ${proposalId()} and pr.cell_id = c.id) as proposal,
      (select coalesce(jsonb_agg(to_jsonb(r) order by r.created_at, r.id), '[]'::jsonb) from proposal_responses r where r.proposal_id = ${proposalId()}) as responses
    from c
    join engagements e on e.id = c.engagement_id
    left join lateral (select * from parties x where x.engagement_id = c.engagement_id and x.organization_id = ${p(caller.organizationId)} limit 1) p on true`;
};

/**
 * Reads a cell (found directly or through one of its proposals) with what a
 * step on it needs; null when there is no such cell or proposal. With `lock`,
 * writers to one cell go one after the other.
 *
 * A statement's reads share the snapshot taken when it started. If another
 * writer held the lock, the locked row is re-read once it commits but the rest
 * is not — and every write to a cell moves its version, so a version that
 * differs from the one the snapshot saw means "read again" (we hold the lock
 * by then, so the second read is current).
 */
export const loadCellAggregate = async (
  { caller, target, lock }: { caller: Caller; target: CellTarget; lock: boolean },
  tx: Db,
): Promise<CellAggregateRows | null> => {
  const kind = 'cellId' in target ? 'by_cell' : 'by_proposal';
  const name = lock ? `bunkai_cell_for_write_${kind}` : `bunkai_cell_for_read_${kind}`;
  const read = () => executeNamed<AggregateRow>(tx, name, (p) => aggregateStatement(caller, target, lock, p));
  let [row] = await read();
  if (lock && row && row.seen_version !== row.cell.version) [row] = await read();
  if (!row || ('proposalId' in target && !row.proposal)) return null;
  return {
    cell: readCell(row.cell),
    engagement: readEngagement(row.engagement),
    party: row.party ? readParty(row.party) : null,
    signatory: row.signatory,
    parties: row.parties,
    target: row.proposal ? { proposal: readProposal(row.proposal), responses: row.responses.map(readResponse) } : null,
  };
};
