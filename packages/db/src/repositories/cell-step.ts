import { type SQL, sql } from 'drizzle-orm';
import { type TCellDecision, conflict } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { type EventInput, chainedAppendCtes } from '../event-chain.ts';
import { type Param, executeNamed, jsonRowReader } from '../raw-statements.ts';
import { cells, proposalResponses, proposals } from '../schema/index.ts';
import type { CellRow, ProposalResponseRow, ProposalRow } from './cells.ts';

/** A decided step on one cell, as read under its lock. */
export type CellStepWrite = Pick<TCellDecision, 'next' | 'close' | 'insert' | 'respond'> & { cell: Pick<CellRow, 'id' | 'engagementId' | 'version'> };

export type WrittenStep = { cell: CellRow; closed: ProposalRow | null; inserted: ProposalRow | null; responded: ProposalResponseRow | null };

const readCell = jsonRowReader(cells);
const readProposal = jsonRowReader(proposals);
const readResponse = jsonRowReader(proposalResponses);

const ctes = (step: CellStepWrite, p: Param): { name: string; body: SQL }[] => {
  const { cell, next, close, insert, respond } = step;
  const jsonb = (v: unknown) => sql`${p(v === null ? null : JSON.stringify(v))}::jsonb`;
  const out: { name: string; body: SQL }[] = [];
  if (close)
    out.push({ name: 'closed', body: sql`update proposals set status = ${p(close.status)}, closed_at = now() where id = ${p(close.id)} and status = 'open' returning *` });
  if (insert)
    out.push({
      name: 'inserted',
      body: sql`insert into proposals (id, cell_id, engagement_id, proposer_party_id, proposer_user_id, assignment, terms, reason, status, supersedes_id, closed_at)
        values (${p(insert.id)}, ${p(cell.id)}, ${p(cell.engagementId)}, ${p(insert.proposerPartyId)}, ${p(insert.proposerUserId)}, ${jsonb(insert.assignment)}, ${jsonb(insert.terms)},
          ${p(insert.reason)}, ${p(insert.status)}, ${p(insert.supersedesId)}::uuid, case when ${p(insert.status)}::text = 'open' then null else now() end)
        returning *`,
    });
  // clock_timestamp(), not now(): a response is ordered by when it was made under the lock, not when its transaction began.
  if (respond)
    out.push({
      name: 'responded',
      body: sql`insert into proposal_responses (proposal_id, party_id, user_id, response, reason, created_at)
        values (${p(respond.proposalId)}, ${p(respond.partyId)}, ${p(respond.userId)}, ${p(respond.response)}, ${p(respond.reason)}, clock_timestamp()) returning *`,
    });
  out.push({
    name: 'cell',
    body: sql`update cells set status = ${p(next.status)}, assignment = ${jsonb(next.assignment)}, terms = ${jsonb(next.terms)},
        open_proposal_id = ${p(next.openProposalId)}::uuid, not_applicable_reason = ${p(next.notApplicableReason)},
        first_check_answer = ${p(next.firstCheckAnswer)}, first_check_on = ${p(next.firstCheckOn)}::date, completed_on = ${p(next.completedOn)}::date,
        due_on = ${p(next.dueOn)}::date, completion_due_on = ${p(next.completionDueOn)}::date,
        kickoff_notes = ${p(next.kickoffNotes)}, version = version + 1, updated_at = now()
      where id = ${p(cell.id)} and version = ${p(cell.version)} returning *`,
  });
  return out;
};

/**
 * Writes one decided step and its events in one statement whose CTEs close /
 * insert the proposal, record the response, update the cell (guarded by the
 * version read under the cell lock), and lock the chain head, append the
 * events and move the head (hashed in SQL). The head lock serializes every
 * writer of the engagement; taken here, it is held only from this statement to
 * the commit.
 */
export const writeCellStep = async ({ step, events }: { step: CellStepWrite; events: readonly EventInput[] }, tx: Db): Promise<WrittenStep> => {
  const shape = ['bunkai_cell_step', step.close && 'closed', step.insert && 'inserted', step.respond && 'responded', `cell_${events.length}`].filter(Boolean).join('_');
  const [row] = await executeNamed<Record<string, Record<string, unknown> | null> & { head_hash: string | null }>(tx, shape, (p) => {
    const parts = ctes(step, p);
    const withs = sql.join([...parts.map((c) => sql`${sql.raw(c.name)} as (${c.body})`), chainedAppendCtes(events, p)], sql`, `);
    const selects = sql.join(
      parts.map((c) => sql`(select to_jsonb(${sql.raw(c.name)}) from ${sql.raw(c.name)}) as ${sql.raw(c.name)}`),
      sql`, `,
    );
    return sql`with ${withs} select ${selects}, (select hash from chain_head_hash) as head_hash`;
  });
  // Every engagement has a head from its first event (engagement.created) on.
  if (!row?.head_hash) throw new Error(`event head of engagement ${step.cell.engagementId} missing`);
  // Under the cell lock neither can happen; if it does, throwing rolls the whole step back.
  if (!row?.cell) throw conflict('stale_version', `Cell ${step.cell.id} was changed concurrently; reload it.`);
  if (step.close && !row.closed) throw conflict('proposal_closed', `Proposal ${step.close.id} is no longer open.`);
  return {
    cell: readCell(row.cell),
    closed: row.closed ? readProposal(row.closed) : null,
    inserted: row.inserted ? readProposal(row.inserted) : null,
    responded: row.responded ? readResponse(row.responded) : null,
  };
};
