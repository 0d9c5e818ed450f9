import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { reminderWorld } from './reminder-world.ts';

/*
 * PostgreSQL only (PGlite lives inside one process): two API instances, each sweeping for
 * reminders and dispatching notifications from its own worker, share one database. A reminder
 * is filed once and mailed in one digest, and each event notifies once.
 */
const DAY = 86_400_000;
const clock = manualClock(new Date());
let t: TestApp;
let second: FastifyInstance;
let secondDb: Database;
beforeAll(async () => {
  t = await createTestApp({ JOBS_POLL_MS: '10' }, { clock });
  const url = (t.database as Database & { url?: string }).url;
  expect(url).toMatch(/^postgres:/);
  secondDb = await createDb({ databaseUrl: url });
  second = await buildApp({ database: secondDb, config: t.config, logger: false, clock });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
  await t.close();
});
const both = async () => {
  for (let i = 0; i < 3; i++) {
    for (const app of [t.app, second]) app.jobs.wake();
    await Promise.all([t.app, second].map((app) => app.jobs.drain()));
  }
};

describe('reminders and notifications with two API instances on one PostgreSQL', () => {
  it('a reminder fires once, whichever instance swept first; the proposal notified once', async () => {
    const start = clock.now();
    const w = await reminderWorld(t.app, t.database.db);
    const vendor = w.vendor.session.user.id;
    await both();
    // The proposal's digest goes out at the end of its minute.
    clock.set(new Date(start.getTime() + 120_000));
    await both();
    expect(await w.digestsTo(w.vendor.email)).toBe(1);
    clock.set(new Date(start.getTime() + 5.5 * DAY));
    await both();
    await both();
    expect(await w.remindersOf(vendor)).toEqual([`reminder:${w.proposalId}:1`]);
    expect(await w.kindsOf(vendor)).toEqual(['proposal.created', 'reminder']);
    // One digest held the proposal, one (a later window) the reminder: never one per instance.
    clock.set(new Date(start.getTime() + 5.5 * DAY + 120_000));
    await both();
    expect(await w.digestsTo(w.vendor.email)).toBe(2);
  });
});
