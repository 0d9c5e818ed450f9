import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { type Cluster, destroyCluster, startCluster } from '@bunkai/db/testing';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type SseStream, openStream } from '../events/sse-client.ts';
import { type Http, createHttp, seedOverHttp } from './http.ts';
import { report } from './summary.ts';

/**
 * PostgreSQL outage (a *.postgres.test.ts file: PGlite runs inside the API
 * process and has no outage of its own). The API runs on a cluster of its own, which the
 * test stops with `pg_ctl stop -m immediate`: requests must fail fast with
 * 503 `database_unavailable`, /api/health must say degraded; once the cluster
 * is back the same API process serves again — the pool reconnects, and the
 * live-update LISTEN connection reconnects so an SSE stream opened before the
 * outage receives events committed after it.
 */
const QUICK_MS = 5000;

describe('database outage (PostgreSQL)', () => {
  let cluster: Cluster;
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  let owner: Http;
  let eid: string;
  let cellId: string;
  let stream: SseStream;

  // The database layer's own log, kept to check that the outage is reported (not swallowed).
  const dbLog: string[] = [];
  const keep = (level: string) => (_obj: object, msg: string) => void dbLog.push(`${level}: ${msg}`);
  const log = { info: keep('info'), warn: keep('warn'), error: keep('error') };

  beforeAll(async () => {
    cluster = await startCluster();
    database = await createDb({ databaseUrl: cluster.url('postgres'), connectTimeoutMs: 2000 });
    // The throwaway cluster trades durability for speed (synchronous_commit=off): an immediate stop would then
    // forget the last commits. A production server acknowledges a commit only once it is in the WAL.
    await database.db.execute('alter database postgres set synchronous_commit = on');
    await database.close();
    database = await createDb({ databaseUrl: cluster.url('postgres'), connectTimeoutMs: 2000, log });
    await database.migrate();
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', SCRYPT_COST: '1024', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    app = await buildApp({ database, config, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const seeded = await seedOverHttp(createHttp(base), 'outage');
    ({ owner, eid } = seeded);
    cellId = seeded.cells[0]!.id;
    stream = await openStream(base, `/api/v1/engagements/${eid}/events/stream`, { authorization: `Bearer ${seeded.token}` });
    const r = await owner.call<{ comment: { id: string } }>('POST', `/api/v1/cells/${cellId}/comments`, { body: '障害前のコメント' });
    expect(r.status).toBe(201);
    await stream.waitFor('comment before the outage', (s) => s.events.some((e) => e.data.includes(r.body.comment.id)));
  }, 60_000);

  afterAll(async () => {
    stream?.close();
    await app?.close();
    await database?.close();
    if (cluster) destroyCluster(cluster);
  });

  it('answers 503 database_unavailable within 5 s and reports degraded health while PostgreSQL is down', async () => {
    cluster.stop();
    const reads = await owner.call('GET', `/api/v1/engagements/${eid}/cells`);
    const write = await owner.call('POST', `/api/v1/cells/${cellId}/comments`, { body: '障害中のコメント' });
    const health = await createHttp(base).call('GET', '/api/health');
    for (const r of [reads, write]) {
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ error: { code: 'database_unavailable', message: expect.any(String) }, requestId: expect.any(String) });
      expect(r.ms).toBeLessThan(QUICK_MS);
    }
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: { engine: 'postgres', reachable: false } });
    expect(health.ms).toBeLessThan(QUICK_MS);
    expect(dbLog.some((l) => /^(warn|error): /.test(l))).toBe(true);
    report('outage-down', { readMs: Math.round(reads.ms), writeMs: Math.round(write.ms), healthMs: Math.round(health.ms) });
  });

  it('recovers without a restart: health ok, reads and writes again, the open SSE stream gets new events', async () => {
    cluster.start();
    const started = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - started < 30_000) {
      healthy = (await createHttp(base).call('GET', '/api/health')).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy).toBe(true);
    expect((await owner.call('GET', `/api/v1/engagements/${eid}/cells`)).status).toBe(200);
    const r = await owner.call<{ comment: { id: string } }>('POST', `/api/v1/cells/${cellId}/comments`, { body: '復旧後のコメント' });
    expect(r.status).toBe(201);
    // The stream was opened before the outage; the bus's LISTEN connection has to have come back for this to arrive.
    await stream.waitFor('comment after recovery', (s) => s.events.some((e) => e.data.includes(r.body.comment.id)));
    report('outage-recovery', { recoveredMs: Date.now() - started });
  }, 60_000);
});
