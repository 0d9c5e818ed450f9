import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@bunkai/db';
import type { TAssignment, TMatrixCell } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { knob } from '../../../../bench/lib/knobs.ts';
import { diffReplayWithDatabase, loadEvents } from './replay-check.ts';
import { report } from './summary.ts';
import { type ReliabilityWorld, createReliabilityWorld } from './world.ts';

/**
 * Many parties racing on the same few cells for a bounded time: proposals
 * and counters with the version they last saw, accepts, rejects, withdrawals,
 * kickoff notes and comments, all at once. Afterwards:
 * - no 5xx, and every refusal is a 4xx with the error envelope;
 * - no lost update: each acknowledged write owns exactly one cell version,
 *   and the versions of each cell are 2…final with none missing or doubled;
 * - every acknowledged comment exists;
 * - the final state equals a pure replay of the event log, and the chain verifies.
 */
// RACE_MS / RACE_MAX lengthen the race for a soak run (scripts/reliability/soak-race.sh); CI keeps it short.
const DURATION_MS = Number(knob('RACE_MS') ?? 2500);
const MAX_REQUESTS = Number(knob('RACE_MAX') ?? 500);
// A busy machine gets through fewer requests in the time: the race always sends at least this many.
const MIN_REQUESTS = 80;
const HOT_CELLS = 4;

type Outcome = { actor: string; action: string; cellId: string; status: number; body: Record<string, unknown> };

let w: ReliabilityWorld;
beforeAll(async () => {
  w = await createReliabilityWorld();
});
afterAll(() => w.t.close());

const rnd = (n: number) => Math.floor(Math.random() * n);

describe('concurrent negotiation on hot cells', () => {
  it('loses no acknowledged write; the log replays to the stored state; the chain verifies', { timeout: DURATION_MS + 60_000 }, async () => {
    const { vendors, hospitalPartyId } = w;
    const cells: TMatrixCell[] = (await w.matrix('status=unassigned')).cells.slice(0, HOT_CELLS);
    expect(cells).toHaveLength(HOT_CELLS);
    // Valid splits: each needs the consent of the hospital and of its R/A parties.
    const splits: TAssignment[] = [
      { [hospitalPartyId]: ['A'], [vendors.ehr_vendor.partyId]: ['R'] },
      { [hospitalPartyId]: ['A'], [vendors.network_vendor.partyId]: ['R'], [vendors.vpn_owner.partyId]: ['C'] },
      { [vendors.vpn_owner.partyId]: ['R', 'A'], [hospitalPartyId]: ['I'] },
      { [hospitalPartyId]: ['R', 'A'] },
    ];
    const actors: [string, Member, string][] = [
      ['owner', w.owner, hospitalPartyId],
      ['hospitalMember', w.hospitalMember, hospitalPartyId],
      ['ehr', vendors.ehr_vendor.admin, vendors.ehr_vendor.partyId],
      ['vendorMember', w.vendorMember, vendors.ehr_vendor.partyId],
      ['network', vendors.network_vendor.admin, vendors.network_vendor.partyId],
      ['vpn', vendors.vpn_owner.admin, vendors.vpn_owner.partyId],
    ];
    const outcomes: Outcome[] = [];
    const deadline = Date.now() + DURATION_MS;
    let sent = 0;

    const step = async (name: string, m: Member, partyId: string) => {
      const target = cells[rnd(cells.length)]!;
      sent += 1;
      const read = await m.http.get<{ cell: TMatrixCell }>(`/api/v1/cells/${target.id}`);
      expect(read.status).toBe(200);
      const c = read.body.cell;
      const open = c.openProposal;
      const mine = open && open.proposerPartyId === partyId;
      const pending = open && open.pendingFrom.includes(partyId);
      const choice = rnd(10);
      let action: string;
      let res: { status: number; body: unknown };
      if (open && pending && choice < 4) {
        action = 'accept';
        res = await m.http.post(`/api/v1/proposals/${open.id}/accept`, {});
      } else if (open && !mine && choice < 5) {
        action = 'reject';
        res = await m.http.post(`/api/v1/proposals/${open.id}/reject`, { reason: '条件が合いません' });
      } else if (open && mine && choice < 6) {
        action = 'withdraw';
        res = await m.http.post(`/api/v1/proposals/${open.id}/withdraw`, {});
      } else if (choice < 8) {
        action = 'propose';
        // Sometimes a deliberately stale version: it must be refused, never applied.
        const version = rnd(5) === 0 ? Math.max(1, c.version - 1) : c.version;
        res = await m.http.post(`/api/v1/cells/${c.id}/proposals`, { assignment: splits[rnd(splits.length)], version, reason: `${name} の提案` });
      } else if (choice < 9) {
        action = 'review';
        res = await m.http.patch(`/api/v1/cells/${c.id}/review`, { notes: `${name} ${sent}`, version: c.version });
      } else {
        action = 'comment';
        res = await m.http.post(`/api/v1/cells/${c.id}/comments`, { body: `${name} のコメント ${sent}` });
      }
      outcomes.push({ actor: name, action, cellId: c.id, status: res.status, body: res.body as Record<string, unknown> });
    };

    await Promise.all(
      actors.map(async ([name, m, partyId]) => {
        while ((sent < MIN_REQUESTS || Date.now() < deadline) && sent < MAX_REQUESTS) await step(name, m, partyId);
      }),
    );

    // Refusals are 4xx with the envelope; nothing answered 5xx.
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    for (const o of outcomes.filter((x) => x.status >= 400)) {
      expect([400, 403, 409]).toContain(o.status);
      // A party the open proposal names only C/I (or not at all) may not answer it.
      if (o.status === 403) expect(o.body).toMatchObject({ error: { code: 'consent_not_required' } });
      expect(o.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) }, requestId: expect.any(String) });
    }
    const writes = outcomes.filter((o) => o.status < 300 && o.action !== 'comment');
    expect(writes.length).toBeGreaterThan(10);
    expect(outcomes.some((o) => o.status === 409)).toBe(true);

    // No lost update: every acknowledged write owns one version; each cell's versions are exactly 2…final.
    const events = await loadEvents(w.t.database.db, w.eid);
    for (const cell of cells) {
      const final = await w.cell(cell.id);
      const acknowledged = writes.filter((o) => o.cellId === cell.id).map((o) => (o.body.cell as { version: number }).version);
      expect([...acknowledged].sort((a, b) => a - b)).toEqual(Array.from({ length: final.version - 1 }, (_, i) => i + 2));
      const logged = new Set(events.filter((e) => e.payload.cellId === cell.id && e.payload.cellVersion !== undefined).map((e) => Number(e.payload.cellVersion)));
      expect([...logged].sort((a, b) => a - b)).toEqual(Array.from({ length: final.version - 1 }, (_, i) => i + 2));
    }
    const comments = outcomes.filter((o) => o.action === 'comment' && o.status === 201).map((o) => (o.body.comment as { id: string }).id);
    const loggedComments = new Set(events.filter((e) => e.type === 'comment.created').map((e) => String(e.payload.commentId)));
    for (const id of comments) expect(loggedComments.has(id)).toBe(true);

    const replay = await diffReplayWithDatabase(w.t.database.db, w.eid);
    expect(replay.diffs).toEqual([]);
    expect(replay.unknownCells).toEqual([]);
    expect((await verifyChain(w.t.database.db, w.eid)).ok).toBe(true);
    report('concurrency', { requests: outcomes.length * 2, writesAcknowledged: writes.length, refused409: outcomes.filter((o) => o.status === 409).length, events: events.length });
  });
});
