import {
  type TCellDecision,
  type TCellWithProposal,
  type TEngagementPermission,
  conflict,
  isDomainError,
  notFound,
  withOpenProposal,
} from '@bunkai/domain';
import { type CellAggregateRows, type CellTarget, type Db, loadCellAggregate, loadCellState, toCell, writeCellStep } from '@bunkai/db';
import { type EngagementAccess, accessOf, assertPermission } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import { eventInputs } from '../events/index.ts';

/** A cell loaded through its engagement, with the caller's access and what a step on it decides on. */
export type LoadedCell = Omit<CellAggregateRows, 'engagement' | 'party' | 'signatory'> & { access: EngagementAccess };

/**
 * The one way to load a cell (directly or through one of its proposals): through
 * its engagement. Anything in an engagement the caller is no party to is "not
 * found" under its own name (the engagement id is not revealed), then the
 * permission is checked (403, or 409 when archived). With `lock`, the cell row
 * is read `FOR UPDATE` in the same statement: writers to one cell go one after the other.
 */
export const loadCell = async (tx: Db, actor: Actor, target: CellTarget, permission: TEngagementPermission, lock = false): Promise<LoadedCell> => {
  const [what, id] = 'cellId' in target ? ['Cell', target.cellId] : ['Proposal', target.proposalId];
  const rows = await loadCellAggregate({ caller: actor, target, lock }, tx);
  const access = rows && accessOf(actor, rows.engagement, rows.party, rows.signatory);
  if (!rows || !access) throw notFound(what, id);
  assertPermission(access, permission);
  return { access, cell: rows.cell, target: rows.target, parties: rows.parties };
};

/** The cell with its open proposal as it is now (a 409's `current`). */
const currentOf = async (tx: Db, { cell, target, parties }: LoadedCell): Promise<TCellWithProposal> =>
  target?.proposal.id === cell.openProposalId || !cell.openProposalId
    ? withOpenProposal(toCell(cell), target, parties)
    : loadCellState({ cell, parties }, tx);

/** Refusals that answer with the cell as it is now, so the client can reload without another request. */
const WITH_CURRENT = new Set(['stale_version', 'proposal_closed', 'proposal_disputed']);

/** Runs a domain decision; a refusal to act on a changed cell carries the current cell. */
export const decideOn = async <T>(tx: Db, loaded: LoadedCell, decide: () => T): Promise<T> => {
  try {
    return decide();
  } catch (e) {
    if (isDomainError(e) && e.kind === 'conflict' && WITH_CURRENT.has(e.code)) throw conflict(e.code, e.message, { current: await currentOf(tx, loaded) });
    throw e;
  }
};

/** Writes a decided step and its events (one statement; see decision record 0005). */
export const writeDecision = (tx: Db, { access, cell }: LoadedCell, decision: TCellDecision) =>
  writeCellStep({ step: { cell, ...decision }, events: eventInputs(access, decision.events) }, tx);
