import type { Database } from '../../packages/db/src/index.ts';
import { appendEvents } from '../../packages/db/src/index.ts';
import { rawOf } from '../lib/raw.ts';
import type { CellRow, Simulation } from './simulate.ts';

const CHUNK = 2000;

/** Inserts rows in chunks that stay below the bind-parameter limit. */
export const insertChunked = async <T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = CHUNK) => {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
};

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Bulk insert of complete rows (every column present, camelCase keys): the
 * rows travel as one jsonb parameter, about three times faster than a
 * multi-row VALUES statement with a bind parameter per field.
 */
export const bulkInsert = async (database: Database, table: 'cells' | 'proposals' | 'proposal_responses' | 'comments', rows: readonly object[]) => {
  const raw = rawOf(database);
  await insertChunked(
    rows,
    (chunk) =>
      raw.query(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [
        JSON.stringify(chunk.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])))),
      ]),
    5000,
  );
};

/** Many cell rows updated in one statement each chunk: the rows travel as one jsonb parameter. */
const updateCells = async (database: Database, rows: readonly CellRow[]) => {
  const raw = rawOf(database);
  await insertChunked(
    rows,
    (chunk) =>
      raw.query(
        `update cells c set status = v.status, assignment = v.assignment, terms = v.terms, not_applicable_reason = v.na,
           first_check_answer = v.fca, first_check_on = v.fco, completed_on = v.co, completion_due_on = v.cdo, kickoff_notes = v.notes,
           open_proposal_id = v.op, version = v.version, updated_at = v.updated_at
         from jsonb_to_recordset($1::jsonb) as v(id uuid, status text, assignment jsonb, terms jsonb, na text, fca text, fco date,
           co date, cdo date, notes text, op uuid, version int, updated_at timestamptz)
         where c.id = v.id`,
        [
          JSON.stringify(
            chunk.map((c) => ({
              id: c.id,
              status: c.status,
              assignment: c.assignment,
              terms: c.terms,
              na: c.notApplicableReason,
              fca: c.firstCheckAnswer,
              fco: c.firstCheckOn,
              co: c.completedOn,
              cdo: c.completionDueOn,
              notes: c.kickoffNotes,
              op: c.openProposalId,
              version: c.version,
              updated_at: c.updatedAt,
            })),
          ),
        ],
      ),
    5000,
  );
};

/**
 * Writes what the simulation did since the last flush — new proposals,
 * responses, comments, changed proposals and cells — then appends its events
 * to the engagement's hash chain with `appendEvents`, in order, a few
 * thousand per transaction.
 */
export const flushSimulation = async (database: Database, sim: Simulation) => {
  const { db } = database;
  const p = sim.pending;
  await bulkInsert(database, 'proposals', [...p.newProposals].map((id) => sim.proposalById.get(id)!));
  const changed = [...p.dirtyProposals].map((id) => sim.proposalById.get(id)!);
  await insertChunked(
    changed,
    (chunk) =>
      rawOf(database).query(
        `update proposals p set status = v.status, closed_at = v.closed_at
         from jsonb_to_recordset($1::jsonb) as v(id uuid, status text, closed_at timestamptz) where p.id = v.id`,
        [JSON.stringify(chunk.map((x) => ({ id: x.id, status: x.status, closed_at: x.closedAt })))],
      ),
    5000,
  );
  await bulkInsert(database, 'proposal_responses', p.responses);
  await bulkInsert(database, 'comments', p.comments);
  await updateCells(database, [...p.dirtyCells].map((id) => sim.cellById.get(id)!));
  await insertChunked(p.events, (chunk) => db.transaction((tx) => appendEvents(tx, chunk)), 5000);
  p.newProposals.clear();
  p.dirtyProposals.clear();
  p.dirtyCells.clear();
  p.responses = [];
  p.comments = [];
  p.events = [];
};

/** The initial cells (unassigned, version 1), inserted as createPlannedCells would. */
export const insertCells = (database: Database, rows: readonly CellRow[]) => bulkInsert(database, 'cells', rows);
