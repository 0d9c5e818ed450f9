import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotificationsOf } from '@bunkai/db';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { reminderWorld } from './reminder-world.ts';

const DAY = 86_400_000;
// Proposals are stamped by the database: the clock starts at the real time and is moved from there.
const clock = manualClock(new Date());
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ JOBS_POLL_MS: '20' }, { clock });
});
afterAll(() => t.close());

const settle = async () => {
  t.app.jobs.wake();
  await t.app.jobs.drain();
};

describe('reminders (督促)', () => {
  it('reminds the parties still asked: first after N days, then every M, capped; each reminder once', async () => {
    const start = clock.now();
    const w = await reminderWorld(t.app, t.database.db);
    expect(w.settings).toEqual({ firstAfterDays: 5, everyDays: 2, maxCount: 2 });
    const vendor = w.vendor.session.user.id;
    try {
      clock.set(new Date(start.getTime() + 4.9 * DAY));
      await settle();
      expect(await w.remindersOf(vendor)).toEqual([]);
      clock.set(new Date(start.getTime() + 5.1 * DAY));
      await settle();
      await settle();
      expect(await w.remindersOf(vendor)).toEqual([`reminder:${w.proposalId}:1`]);
      clock.set(new Date(start.getTime() + 7.2 * DAY));
      await settle();
      clock.set(new Date(start.getTime() + 30 * DAY));
      await settle();
      expect(await w.remindersOf(vendor)).toEqual([`reminder:${w.proposalId}:1`, `reminder:${w.proposalId}:2`]);
      // Only the party still asked: not the proposer (hospital), not the consulted (C) party.
      expect(await w.remindersOf(w.owner.session.user.id)).toEqual([]);
      expect(await w.remindersOf(w.otherVendor.session.user.id)).toEqual([]);
      // Each reminder reached a digest of the vendor's (no SMTP here: kept in the outbox). A digest waits for the end of
      // its minute and batches what is waiting, so both reminders may share one.
      clock.set(new Date(start.getTime() + 30 * DAY + 120_000));
      await settle();
      expect(await w.digestsTo(w.vendor.email)).toBeGreaterThanOrEqual(1);
      const reminders = (await listNotificationsOf(t.database.db, vendor)).filter((n) => n.kind === 'reminder');
      expect(reminders.map((n) => n.mailedAt !== null)).toEqual([true, true]);
    } finally {
      clock.set(start);
    }
  });

  it('validates the engagement settings', async () => {
    const w = await reminderWorld(t.app, t.database.db);
    const eng = (await w.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${w.eid}`)).body.engagement;
    const bad = await w.owner.http.patch(`/api/v1/engagements/${w.eid}`, { version: eng.version, reminders: { firstAfterDays: 0, everyDays: 2, maxCount: 3 } });
    expect(bad.status).toBe(400);
    const off = await w.owner.http.patch<{ engagement: { reminders: unknown } }>(`/api/v1/engagements/${w.eid}`, { version: eng.version, reminders: { firstAfterDays: 5, everyDays: 2, maxCount: 0 } });
    expect(off.body.engagement.reminders).toEqual({ firstAfterDays: 5, everyDays: 2, maxCount: 0 });
  });
});
