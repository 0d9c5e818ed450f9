import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import type { TChainVerification, TEngagementSummary } from '@bunkai/domain';
import { buildApp } from '../../src/app.ts';
import type { Member } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type RoleWorld, createRoleWorld } from './roles.ts';
import { type SseStream, openStream, seqs } from './sse-client.ts';

/*
 * PostgreSQL only (the file name keeps it out of the pglite project): PGlite
 * lives inside one process, so two API instances cannot share it.
 */
let t: TestApp;
let w: RoleWorld;
let baseUrl: string;
const opened: SseStream[] = [];
const extraApps: FastifyInstance[] = [];
const extraDatabases: Database[] = [];

const path = (suffix = '') => `/api/v1/engagements/${w.engagement.id}/events/stream${suffix}`;
const open = async (base: string, m: Member, suffix = '') => {
  const s = await openStream(base, path(suffix), { authorization: `Bearer ${m.session.accessToken}` });
  opened.push(s);
  return s;
};
const head = async () => (await w.owner.http.get<TChainVerification>(`/api/v1/engagements/${w.engagement.id}/events/verify`)).body.count;
const touch = async (note: string) => {
  const { body } = await w.owner.http.get<{ engagement: TEngagementSummary }>(`/api/v1/engagements/${w.engagement.id}`);
  const r = await w.owner.http.patch(`/api/v1/engagements/${w.engagement.id}`, { version: body.engagement.version, description: note });
  expect(r.status).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  w = await createRoleWorld(t.app);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of opened) s.close();
  for (const a of extraApps) await a.close();
  for (const d of extraDatabases) await d.close();
  await t.close();
});

describe('two API instances on one PostgreSQL', () => {
  it('both stream every event, whichever instance wrote it', async () => {
    const url = (t.database as Database & { url?: string }).url;
    expect(url).toMatch(/^postgres:/);
    const database = await createDb({ databaseUrl: url });
    extraDatabases.push(database);
    const second = await buildApp({ database, config: t.config, logger: false });
    extraApps.push(second);
    const secondUrl = await second.listen({ port: 0, host: '127.0.0.1' });
    const h = await head();
    const viaFirst = await open(baseUrl, w.vendor, `?after=${h}`);
    const viaSecond = await open(secondUrl, w.observer, `?after=${h}`);
    await touch('インスタンス1から');
    // The same write, through the second instance's own HTTP server and database pool.
    const { body } = await w.owner.http.get<{ engagement: TEngagementSummary }>(`/api/v1/engagements/${w.engagement.id}`);
    const r = await second.inject({
      method: 'PATCH',
      url: `/api/v1/engagements/${w.engagement.id}`,
      headers: { authorization: `Bearer ${w.owner.session.accessToken}` },
      payload: { version: body.engagement.version, description: 'インスタンス2から' },
    });
    expect(r.statusCode).toBe(200);
    for (const s of [viaFirst, viaSecond]) {
      await s.waitFor(`seq ${h + 2}`, (x) => seqs(x).includes(h + 2));
      expect(seqs(s)).toEqual([h + 1, h + 2]);
      expect(s.events.map((e) => (JSON.parse(e.data) as { payload: { changes: { description: string } } }).payload.changes.description)).toEqual([
        'インスタンス1から',
        'インスタンス2から',
      ]);
    }
    expect(viaFirst.events.map((e) => e.data)).toEqual(viaSecond.events.map((e) => e.data));
  });
});
