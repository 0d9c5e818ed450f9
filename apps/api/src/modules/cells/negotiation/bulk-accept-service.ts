import { type TBulkAcceptRequest, type TBulkAcceptResponse, decideRespond, isDomainError, withOpenProposal } from '@bunkai/domain';
import { type Db, loadMatrix, toCell } from '@bunkai/db';
import { type EngagementAccessService, ownParty } from '../../../access/engagement-access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { loadCell, writeDecision } from '../cell-access.ts';
import { applyMatrixFilter, parseMatrixFilter } from '../matrix/matrix-filters.ts';

type Deps = { db: Db; access: EngagementAccessService; clock: Clock };
type Result = TBulkAcceptResponse['results'][number];

const refused = (cellId: string, proposalId: string | null, code: string, message: string): Result => ({
  cellId,
  proposalId,
  outcome: 'refused',
  pendingFrom: [],
  code,
  message,
  version: null,
});

/**
 * 一括承諾: the caller's party accepts many open proposals in one request. Each cell is
 * one step exactly like a single accept — read under its lock, decided by the domain's
 * `decideRespond`, written with its events — in a transaction of its own, so one refused
 * cell (disputed, C/I only, changed meanwhile) does not undo the others. With a filter,
 * only the cells whose open proposal waits for the caller's party are taken.
 */
export const createBulkAccept =
  ({ db, access, clock }: Deps) =>
  async (actor: Actor, engagementId: string, input: TBulkAcceptRequest): Promise<TBulkAcceptResponse> => {
    const a = await access.require(actor, engagementId, 'cell:respond');
    const party = ownParty(a);
    let cellIds: string[];
    if ('cellIds' in input) cellIds = input.cellIds;
    else {
      const m = await loadMatrix({ engagementId }, db);
      const filter = parseMatrixFilter(input.filter, {
        partyIds: m.snapshot.parties.map((p) => p.id),
        assetIds: m.snapshot.assets.map((x) => x.id),
        myPartyId: () => party.id,
      });
      cellIds = applyMatrixFilter(m.cells, m.snapshot.duties, filter)
        .filter((c) => c.status === 'proposed' && c.openProposal?.pendingFrom.includes(party.id))
        .map((c) => c.id);
    }
    const results: Result[] = [];
    for (const cellId of cellIds) {
      try {
        results.push(
          await db.transaction(async (tx) => {
            const loaded = await loadCell(tx, actor, { cellId }, 'cell:respond', true);
            if (loaded.cell.engagementId !== engagementId || !loaded.target)
              return refused(cellId, null, loaded.target ? 'not_in_engagement' : 'no_open_proposal', loaded.target ? `Cell ${cellId} belongs to another engagement.` : `Cell ${cellId} has no open proposal.`);
            const decision = decideRespond(loaded, { actor: { userId: actor.userId, partyId: party.id }, response: 'accept', reason: input.reason, at: clock.now().toISOString() });
            const written = await writeDecision(tx, loaded, decision);
            const view = withOpenProposal(toCell(written.cell), { proposal: written.closed ?? loaded.target.proposal, responses: [...loaded.target.responses, written.responded!] }, loaded.parties);
            return {
              cellId,
              proposalId: loaded.target.proposal.id,
              outcome: written.cell.status === 'agreed' ? 'agreed' : 'waiting',
              pendingFrom: view.openProposal?.pendingFrom ?? [],
              code: null,
              message: null,
              version: written.cell.version,
            } satisfies Result;
          }),
        );
      } catch (e) {
        // A cell of another engagement is "not found" like any cell the caller cannot see.
        if (isDomainError(e)) results.push(refused(cellId, null, e.code, e.message));
        else throw e;
      }
    }
    const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
    return { results, counts: { agreed: count('agreed'), waiting: count('waiting'), refused: count('refused') } };
  };
