import { randomUUID } from 'node:crypto';
import { type TProposalMutationResponse, type TProposeRequest, decidePropose, decideRespond, decideWithdraw, withOpenProposal } from '@bunkai/domain';
import { type Db, toCell, toProposal } from '@bunkai/db';
import { ownParty } from '../../../access/engagement-access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Actor } from '../../../plugins/auth.ts';
import { decideOn, loadCell, writeDecision } from '../cell-access.ts';

type Deps = { db: Db; clock: Clock };

/**
 * 提案・承諾・却下・取下げ on one cell. Each step reads the cell under its row
 * lock together with everything it decides on (one statement), decides through
 * the domain (`@bunkai/domain` cells), and writes the change with its events
 * (one statement), so concurrent writers to one cell are serialized: a stale
 * proposal gets 409, and concurrent accepts cannot both miss — or both apply —
 * the agreement. The answer is built after the commit: the engagement's chain
 * head stays locked until then, and every writer of the engagement waits for it.
 */
export const createNegotiationService = ({ db, clock }: Deps) => ({
  /** Proposes (or counters, superseding the open proposal) for the caller's own party. */
  propose: async (actor: Actor, cellId: string, input: TProposeRequest): Promise<TProposalMutationResponse> => {
    const { written, parties } = await db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { cellId }, 'cell:propose', true);
      const party = ownParty(loaded.access);
      const decision = await decideOn(tx, loaded, () =>
        decidePropose(loaded, { actor: { userId: actor.userId, partyId: party.id }, proposalId: randomUUID(), ...input }),
      );
      return { written: await writeDecision(tx, loaded, decision), parties: loaded.parties };
    });
    const proposal = written.inserted!;
    return { cell: withOpenProposal(toCell(written.cell), { proposal, responses: [] }, parties), proposal: toProposal(proposal, []) };
  },

  /** 承諾 / 却下 for the caller's own party; the agreement is applied in the same transaction when the rule is met. */
  respond: async (actor: Actor, proposalId: string, response: 'accept' | 'reject', reason: string): Promise<TProposalMutationResponse> => {
    const { written, parties, target } = await db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { proposalId }, 'cell:respond', true);
      const party = ownParty(loaded.access);
      const decision = await decideOn(tx, loaded, () =>
        decideRespond(loaded, { actor: { userId: actor.userId, partyId: party.id }, response, reason, at: clock.now().toISOString() }),
      );
      return { written: await writeDecision(tx, loaded, decision), parties: loaded.parties, target: loaded.target! };
    });
    const responses = [...target.responses, written.responded!];
    const final = written.closed ?? target.proposal;
    return { cell: withOpenProposal(toCell(written.cell), { proposal: final, responses }, parties), proposal: toProposal(final, responses) };
  },

  /** 取下げ: only the proposer's party; a template suggestion only by the engagement owner. */
  withdraw: async (actor: Actor, proposalId: string): Promise<TProposalMutationResponse> => {
    const { written, parties, responses } = await db.transaction(async (tx) => {
      const loaded = await loadCell(tx, actor, { proposalId }, 'cell:propose', true);
      const { access } = loaded;
      const decision = await decideOn(tx, loaded, () => decideWithdraw(loaded, { partyId: access.party?.id ?? null, isOwner: access.roles.includes('owner') }));
      return { written: await writeDecision(tx, loaded, decision), parties: loaded.parties, responses: loaded.target!.responses };
    });
    return { cell: withOpenProposal(toCell(written.cell), null, parties), proposal: toProposal(written.closed!, responses) };
  },
});
export type NegotiationService = ReturnType<typeof createNegotiationService>;
