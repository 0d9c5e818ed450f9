import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Database, comments, createDb, proposals, verifyChain } from '@bunkai/db';
import { createTestDatabase, testEngine } from '@bunkai/db/testing';
import { type DataLocation, type RunningServer, startApi } from '../../../../bench/lib/servers.ts';
import { createHttp, seedOverHttp } from './http.ts';
import { diffReplayWithDatabase, loadEvents } from './replay-check.ts';
import { report } from './summary.ts';

/**
 * kill -9 under write load: the real server (apps/api/src/server.ts) runs as a
 * child process on a PGlite data directory or a PostgreSQL database; eight
 * clients write (proposals that agree at once, kickoff notes, comments) and
 * the process is killed with SIGKILL while requests are in flight. After a
 * restart on the same data every acknowledged write is there, nothing is half
 * written (each row change has its event and vice versa), and the chain verifies.
 */
const CLIENTS = 8;
const LOAD_MS = 1500;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

const location = async (): Promise<{ data: DataLocation; open: () => Promise<Database> }> => {
  if (testEngine() === 'postgres') {
    const db = await createTestDatabase();
    cleanup.push(() => db.close());
    return { data: { engine: 'postgres', url: db.url! }, open: async () => ({ ...db, close: async () => {} }) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bunkai-crash-'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { data: { engine: 'pglite', dataDir: join(dir, 'pglite') }, open: () => createDb({ dataDir: join(dir, 'pglite') }) };
};

type Ack = { kind: 'proposal' | 'review' | 'comment'; cellId: string; id?: string; version?: number };

describe(`kill -9 during writes (${testEngine()})`, () => {
  it('restarts with every acknowledged write, no partial write, and a valid chain', { timeout: 120_000 }, async () => {
    const { data, open } = await location();
    let server: RunningServer = await startApi(data);
    cleanup.push(() => server.kill());
    const seeded = await seedOverHttp(createHttp(server.url), `${Date.now().toString(36)}`);
    const { owner, token, eid, hospitalPartyId, cells } = seeded;
    expect(cells.length).toBeGreaterThanOrEqual(CLIENTS);

    const acks: Ack[] = [];
    const failures: string[] = [];
    let stop = false;
    const client = async (i: number) => {
      const mine = cells.filter((_, k) => k % CLIENTS === i);
      for (let n = 0; !stop; n++) {
        const cell = mine[n % mine.length]!;
        try {
          const kind = n % 3;
          if (kind === 0) {
            const r = await owner.call<{ proposal: { id: string }; cell: { version: number } }>('POST', `/api/v1/cells/${cell.id}/proposals`, {
              assignment: { [hospitalPartyId]: ['R', 'A'] },
              version: cell.version,
              reason: `crash ${i}-${n}`,
            });
            if (r.status === 201) {
              cell.version = r.body.cell.version;
              acks.push({ kind: 'proposal', cellId: cell.id, id: r.body.proposal.id, version: r.body.cell.version });
            } else failures.push(`propose ${r.status}`);
          } else if (kind === 1) {
            const r = await owner.call<{ cell: { version: number } }>('PATCH', `/api/v1/cells/${cell.id}/review`, { notes: `note ${i}-${n}`, version: cell.version });
            if (r.status === 200) {
              cell.version = r.body.cell.version;
              acks.push({ kind: 'review', cellId: cell.id, version: r.body.cell.version });
            } else failures.push(`review ${r.status}`);
          } else {
            const r = await owner.call<{ comment: { id: string } }>('POST', `/api/v1/cells/${cell.id}/comments`, { body: `comment ${i}-${n}` });
            if (r.status === 201) acks.push({ kind: 'comment', cellId: cell.id, id: r.body.comment.id });
            else failures.push(`comment ${r.status}`);
          }
        } catch {
          // The connection died with the process: not acknowledged, so nothing is owed.
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    await server.kill();
    stop = true;
    await load;
    expect(failures).toEqual([]);
    expect(acks.length).toBeGreaterThan(CLIENTS);

    server = await startApi(data);
    const again = createHttp(server.url, token);
    const matrix = await again.call<{ cells: { id: string; version: number }[] }>('GET', `/api/v1/engagements/${eid}/cells`);
    expect(matrix.status).toBe(200);
    const verify = await again.call<{ ok: boolean }>('GET', `/api/v1/engagements/${eid}/events/verify`);
    expect(verify).toMatchObject({ status: 200, body: { ok: true } });
    // Still writable after the restart.
    const after = matrix.body.cells[0]!;
    expect((await again.call('PATCH', `/api/v1/cells/${after.id}/review`, { notes: 'after restart', version: after.version })).status).toBe(200);
    await server.stop();

    const database = await open();
    try {
      const db = database.db;
      const version = new Map(matrix.body.cells.map((c) => [c.id, c.version]));
      const events = await loadEvents(db, eid);
      const proposalEvents = new Set(events.filter((e) => e.type.startsWith('proposal.')).map((e) => String(e.payload.proposalId)));
      const commentEvents = new Set(events.filter((e) => e.type === 'comment.created').map((e) => String(e.payload.commentId)));
      for (const a of acks) {
        if (a.kind === 'proposal') {
          expect((await db.select().from(proposals).where(eq(proposals.id, a.id!))).length).toBe(1);
          expect(proposalEvents.has(a.id!)).toBe(true);
        }
        if (a.kind === 'comment') {
          expect((await db.select().from(comments).where(eq(comments.id, a.id!))).length).toBe(1);
          expect(commentEvents.has(a.id!)).toBe(true);
        }
        if (a.version !== undefined) expect(version.get(a.cellId)).toBeGreaterThanOrEqual(a.version);
      }
      // No partial write: every proposal and comment row has its event, and every cell is what its events say.
      for (const p of await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.engagementId, eid))) expect(proposalEvents.has(p.id)).toBe(true);
      for (const c of await db.select({ id: comments.id }).from(comments).where(and(eq(comments.engagementId, eid)))) expect(commentEvents.has(c.id)).toBe(true);
      const replay = await diffReplayWithDatabase(db, eid);
      expect(replay.diffs).toEqual([]);
      const chain = await verifyChain(db, eid);
      expect(chain.ok).toBe(true);
      report('crash', { acknowledged: acks.length, proposals: acks.filter((a) => a.kind === 'proposal').length, events: chain.count });
    } finally {
      await database.close();
    }
  });
});
