import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

/*
 * While an instance drains (SIGTERM → app.close()), it is no longer ready,
 * yet a request that still reaches it is served: a load balancer does not
 * resend a POST it has already sent, so a 503 there would be a lost write.
 */
let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** One request on its own connection, as nginx sends it (no keep-alive to the instance). */
const send = (url: string, body?: unknown) =>
  new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });

describe('draining', () => {
  it('answers ready 503 and still serves a write that arrives during the drain', async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'drain-secret-drain-secret-drain-secret-01', SCRYPT_COST: '1024', SEED_DEMO: 'false' });
    const app = await buildApp({ database, config, logger: false });
    const during: { ready?: number; write?: number; connection?: string | undefined } = {};
    // preClose: the drain has begun, the listener is still open (what a request racing SIGTERM meets).
    app.addHook('preClose', async () => {
      during.ready = (await send(`${base}/api/health/ready`)).status;
      const res = await send(`${base}/api/v1/auth/register`, {
        organization: { name: '撤収中病院', kind: 'hospital' },
        user: { email: 'drain@hospital.example', displayName: '情報', password: 'correct horse battery staple' },
      });
      during.write = res.status;
      during.connection = res.connection;
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    expect((await send(`${base}/api/health/ready`)).status).toBe(200);
    await app.close();
    expect(during).toEqual({ ready: 503, write: 201, connection: 'close' });
  });
});
