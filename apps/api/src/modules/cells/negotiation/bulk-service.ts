import { randomUUID } from 'node:crypto';
import { type TBulkProposeRequest, type TBulkProposeResponse, decideBulk } from '@bunkai/domain';
import { type Db, loadBulkAggregate, writeBulkProposals } from '@bunkai/db';
import { type EngagementAccessService, ownParty } from '../../../access/engagement-access.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { recordEvents } from '../../events/index.ts';

type Deps = { db: Db; access: EngagementAccessService };

/**
 * 一括提案: the same split for many cells (e.g. every client terminal) in one
 * transaction, all or nothing; decided by the domain exactly as single
 * proposals would be (same events, marked `bulk`).
 */
export const createBulkProposals =
  ({ db, access }: Deps) =>
  (actor: Actor, engagementId: string, input: TBulkProposeRequest): Promise<TBulkProposeResponse> =>
    db.transaction(async (tx) => {
      const a = await access.require(actor, engagementId, 'cell:propose', tx);
      const party = ownParty(a);
      const aggregate = await loadBulkAggregate({ engagementId, cellIds: input.cellIds }, tx);
      const decision = decideBulk(aggregate, {
        actor: { userId: actor.userId, partyId: party.id }, engagementId, ...input, newId: randomUUID });
      await writeBulkProposals({ engagementId, steps: decision.steps }, tx);
      await recordEvents(tx, a, decision.steps.flatMap((s) => s.events));
      return { results: decision.results };
    });
