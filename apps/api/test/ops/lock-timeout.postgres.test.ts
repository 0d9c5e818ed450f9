import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

/*
 * One stuck transaction must not hold an engagement's writers forever: with
 * lock_timeout set, a writer queued behind it gives up and the client is told
 * to try again (503 with Retry-After, the same answer as a database outage),
 * not a 500. The stuck transaction itself is ended by
 * idle_in_transaction_session_timeout (db-hygiene.postgres.test.ts checks the setting).
 */
let owner: Awaited<ReturnType<typeof createTestDatabase>>;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  owner = await createTestDatabase();
  database = await createDb({ databaseUrl: owner.url, lockTimeoutMs: 300 });
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'lock-secret-lock-secret-lock-secret-0123', SCRYPT_COST: '1024', SEED_DEMO: 'false' });
  app = await buildApp({ database, config, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  await owner.close();
});

describe('a writer queued behind a stuck transaction', () => {
  it('gives up after lock_timeout with 503 and Retry-After; the engagement takes writes again once the holder ends', async () => {
    const registered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { organization: { name: 'ロック病院', kind: 'hospital' }, user: { email: 'it@lock.example', displayName: '情報', password: 'correct horse battery staple' } },
    });
    const headers = { authorization: `Bearer ${registered.json<{ accessToken: string }>().accessToken}` };
    const created = await app.inject({ method: 'POST', url: '/api/v1/engagements', headers, payload: { title: '停滞', systemName: '電子カルテ' } });
    const { engagement } = created.json<{ engagement: { id: string; version: number } }>();
    const patch = (description: string) => app.inject({ method: 'PATCH', url: `/api/v1/engagements/${engagement.id}`, headers, payload: { version: engagement.version, description } });

    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    // Another session (not the app's pool) holds the engagement row, as a stuck request or a person at psql would.
    const holder = owner.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from engagements where id = ${engagement.id} for update`);
      locked();
      await released;
    });
    await isLocked;
    try {
      const started = Date.now();
      const blocked = await patch('待たされた');
      expect(blocked.statusCode, blocked.body).toBe(503);
      expect(blocked.headers['retry-after']).toBe('5');
      expect(blocked.json()).toMatchObject({ error: { code: 'database_unavailable' } });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      release();
      await holder;
    }
    expect((await patch('再開')).statusCode).toBe(200);
  });
});
