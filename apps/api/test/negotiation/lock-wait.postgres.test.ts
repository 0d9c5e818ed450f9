import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalResponses } from '@bunkai/db';
import type { TProposalMutationResponse } from '@bunkai/domain';
import { type NegotiationWorld, createNegotiationWorld } from './world.ts';

/*
 * PostgreSQL only: a writer that waits for a cell's lock must decide on what
 * the previous holder committed. One statement reads the cell and everything
 * around it; after a lock wait the cell row is current but the rest is from
 * the statement's older snapshot, so the service reads again (see
 * packages/db/src/repositories/cell-aggregate.ts). Here the previous holder is a plain transaction that
 * records an acceptance while the API's request is blocked behind it.
 */
let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

const lockWaiters = async () =>
  Number(
    (
      (await n.db.execute(sql`select count(*)::int as c from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)) as unknown as {
        rows: { c: number }[];
      }
    ).rows[0]!.c,
  );

describe('a writer that waited for the cell lock', () => {
  it('decides on the responses committed while it waited (the last acceptance agrees the cell)', async () => {
    const { w, f, freshCell, db, eventTypes } = n;
    const network = w.vendors.network_vendor;
    const vpn = w.vendors.vpn_owner;
    const cell = await freshCell();
    // Needs the hospital, the network vendor (R) and the VPN owner (A); the hospital accepts at once.
    const p = await f.propose(w.vendors.ehr_vendor.admin, cell, { assignment: { [network.partyId]: ['R'], [vpn.partyId]: ['A'], [w.hospitalPartyId]: ['I'] } });
    await f.accept(w.owner, p.proposal.id);

    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from cells where id = ${cell.id} for update`);
      locked();
      await released;
      // What the VPN owner's acceptance writes, committed while the network vendor's request waits.
      await tx.insert(proposalResponses).values({ proposalId: p.proposal.id, partyId: vpn.partyId, userId: vpn.admin.session.user.id, response: 'accept', reason: '' });
      await tx.execute(sql`update cells set version = version + 1 where id = ${cell.id}`);
    });
    await isLocked;
    const waiting = network.admin.http.post<TProposalMutationResponse>(`/api/v1/proposals/${p.proposal.id}/accept`, {});
    for (let i = 0; i < 200 && (await lockWaiters()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await lockWaiters()).toBeGreaterThan(0);
    release();
    await holder;

    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.body.cell).toMatchObject({ status: 'agreed', openProposal: null });
    expect(res.body.proposal.responses.map((r) => r.partyId).sort()).toEqual([w.hospitalPartyId, network.partyId, vpn.partyId].sort());
    expect((await eventTypes(cell.id)).filter((t) => t === 'cell.agreed')).toHaveLength(1);
  });
});
