import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Member, createFactories } from '../../src/seed/factories.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** Two API instances on one database enforce one limit: the counters live in PostgreSQL/PGlite. */
const clock = manualClock('2026-12-03T10:00:05Z');
let t: TestApp;
let second: FastifyInstance;
let member: Member;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_REGISTER_PER_HOUR: '3', RATE_LIMIT_MAX: '4', RATE_LIMIT_HEAVY_MAX: '2', RATE_LIMIT_WINDOW_SECONDS: '60' }, { clock });
  second = await buildApp({ database: t.database, config: t.config, logger: false, clock });
  await second.ready();
  // Registered from its own address, so it does not spend the register budget the tests measure.
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress: '192.0.2.250',
    payload: { organization: { name: 'Rate Org', kind: 'vendor' }, user: { email: 'rate@example.test', displayName: 'rate', password: 'correct horse battery' } },
  });
  expect(res.statusCode).toBe(201);
  member = await createFactories(t.app).login('rate@example.test', 'correct horse battery');
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const instances = () => [t.app, second];
let n = 0;
const register = (app: FastifyInstance, remoteAddress: string) => {
  const i = ++n;
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress,
    payload: { organization: { name: `Org ${i}`, kind: 'vendor' }, user: { email: `rl-${i}@example.test`, displayName: `u${i}`, password: 'correct horse battery' } },
  });
};

describe('shared rate limits', () => {
  it('limits registration (scrypt) per address across both instances, in parallel too', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => register(instances()[i % 2]!, '192.0.2.10')));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    const refused = results.find((r) => r.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own budget; the hour passing restores this one.
    expect((await register(second, '192.0.2.11')).statusCode).toBe(201);
    clock.advance(3_600_000 + 1000);
    expect((await register(t.app, '192.0.2.10')).statusCode).toBe(201);
  });

  it('limits sign-in requests per address across both instances, successes included', async () => {
    const login = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.20', payload: { email: 'rate@example.test', password: 'correct horse battery' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(instances()[i % 2]!)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    clock.advance(61_000);
    expect((await login(second)).statusCode).toBe(200);
  });

  it('limits verification per signed-in user across both instances', async () => {
    const verify = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/api/v1/engagements/00000000-0000-4000-8000-000000000000/events/verify', headers: { authorization: `Bearer ${member.session.accessToken}` } });
    // Counted before the handler runs: the unknown engagement answers 404 while under the limit.
    expect((await verify(t.app)).statusCode).toBe(404);
    expect((await verify(second)).statusCode).toBe(404);
    const refused = await verify(t.app);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('leaves unlisted routes unlimited', async () => {
    for (let i = 0; i < 10; i++) expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
  });
});

describe('overload protection', () => {
  let loaded: TestApp;
  beforeAll(async () => {
    // A heap bound every process exceeds: the instance is "overloaded" from its first sample on.
    loaded = await createTestApp({ OVERLOAD_MAX_HEAP_USED_BYTES: '1', OVERLOAD_SAMPLE_INTERVAL_MS: '10' });
  });
  afterAll(() => loaded.close());

  it('sheds requests with 503 overloaded, but health checks still answer', async () => {
    await expect.poll(async () => (await loaded.app.inject({ method: 'GET', url: '/api/v1/catalog/duties' })).statusCode).toBe(503);
    const shed = await loaded.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.test', password: 'x' } });
    expect(shed.statusCode).toBe(503);
    expect(shed.json()).toMatchObject({ error: { code: 'overloaded' } });
    expect(shed.headers['retry-after']).toBe('5');
    expect((await loaded.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
  });
});
