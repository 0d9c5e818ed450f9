import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '@bunkai/db';
import type { TEngagement } from '@bunkai/domain';
import { createEventBus } from '../../src/modules/events/event-bus.ts';
import { createStructureFactories } from '../../src/seed/structure-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let engagement: TEngagement;

beforeAll(async () => {
  t = await createTestApp();
  const f = createStructureFactories(t.app);
  const owner = await f.registerOrganization({ kind: 'hospital' });
  engagement = await f.createEngagement(owner, { title: 'イベントバス' });
});
afterAll(() => t.close());

/** A sink that records what the bus writes, with a way to wait for a condition. */
const recorder = () => {
  const chunks: string[] = [];
  let ended = false;
  const waiters = new Set<() => void>();
  const sink = {
    write: async (chunk: string) => {
      chunks.push(chunk);
      for (const w of [...waiters]) w();
    },
    end: () => {
      ended = true;
      for (const w of [...waiters]) w();
    },
  };
  const until = (predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (predicate()) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  const ids = () => chunks.join('').match(/^id: \d+$/gm)?.map((l) => Number(l.slice(4))) ?? [];
  return { sink, chunks, until, ids, isEnded: () => ended };
};

const appendBatch = (n: number) =>
  t.database.db.transaction((tx) =>
    appendEvents(
      tx,
      Array.from({ length: n }, (_, i) => ({
        engagementId: engagement.id,
        type: 'test.burst',
        actorUserId: null,
        actorPartyId: null,
        subjectId: null,
        payload: { i, text: '髙①〜ｶﾅ' },
      })),
    ),
  );

describe('event bus', () => {
  it('delivers a large committed burst once each, in order, in a few coalesced writes', async () => {
    const bus = createEventBus({ database: t.database, log: t.app.log });
    await bus.start();
    try {
      const r = recorder();
      bus.subscribe(engagement.id, 1, r.sink);
      const rows = await appendBatch(1200);
      const last = rows.at(-1)!.seq;
      await r.until(() => r.ids().includes(last));
      expect(r.ids()).toEqual(Array.from({ length: last - 1 }, (_, i) => i + 2));
      // 1,200 notifications, but reads of up to 500 rows: a handful of writes, not one per event.
      expect(r.chunks.length).toBeLessThan(20);
    } finally {
      await bus.stop();
    }
  });

  it('sends keepalive comments and forgets a client once it unsubscribes', async () => {
    const bus = createEventBus({ database: t.database, log: t.app.log, keepaliveMs: 20 });
    await bus.start();
    try {
      const r = recorder();
      const unsubscribe = bus.subscribe(engagement.id, Number.MAX_SAFE_INTEGER, r.sink);
      expect(bus.size()).toBe(1);
      await r.until(() => r.chunks.includes(': keepalive\n\n'));
      unsubscribe();
      expect(bus.size()).toBe(0);
    } finally {
      await bus.stop();
    }
  });

  it('ends every open stream and refuses new ones once stopped', async () => {
    const bus = createEventBus({ database: t.database, log: t.app.log });
    expect(bus.accepting).toBe(false);
    await bus.start();
    expect(bus.accepting).toBe(true);
    const a = recorder();
    const b = recorder();
    bus.subscribe(engagement.id, 0, a.sink);
    bus.subscribe(engagement.id, 0, b.sink);
    await bus.stop();
    expect([a.isEnded(), b.isEnded(), bus.accepting, bus.size()]).toEqual([true, true, false, 0]);
  });
});
