import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@bunkai/db/testing';
import type { Database } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Replaces one probe of the (shared) database object for the duration of `fn`. */
const withProbe = async <K extends 'ping' | 'listening'>(key: K, value: Database[K], fn: () => Promise<void>) => {
  const original = t.database[key];
  t.database[key] = value;
  try {
    await fn();
  } finally {
    t.database[key] = original;
  }
};

describe('health probes', () => {
  it('live answers 200 without asking the database', async () => {
    await withProbe('ping', async () => false, async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/health/live' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ status: 'ok' });
    });
  });

  it('ready answers 200 when the database answers and the LISTEN connection is up', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ready', database: { engine: t.database.engine, reachable: true }, listen: { connected: true } });
  });

  it('ready answers 503 when the database does not answer', async () => {
    await withProbe('ping', async () => false, async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'not_ready', database: { reachable: false } });
      // The combined probe keeps its old meaning.
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    });
  });

  it('ready answers 503 while the LISTEN connection is down, live still 200', async () => {
    await withProbe('listening', () => false, async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'not_ready', database: { reachable: true }, listen: { connected: false } });
      expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });

  it('is not ready before the app has started listening for events, nor after it closed', async () => {
    const database = await createTestDatabase();
    try {
      expect(database.listening()).toBe(false);
      const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'h'.repeat(40), SEED_DEMO: 'false' });
      const app = await buildApp({ database, config, logger: false });
      await app.ready();
      expect(database.listening()).toBe(true);
      await app.close();
      expect(database.listening()).toBe(false);
    } finally {
      await database.close();
    }
  });
});

describe('request ids', () => {
  it("keeps the load balancer's x-request-id and answers with it", async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health/live', headers: { 'x-request-id': 'lb-7f3a:42' } });
    expect(r.headers['x-request-id']).toBe('lb-7f3a:42');
  });

  it('replaces an overlong or malformed x-request-id with a fresh UUID', async () => {
    for (const bad of ['x'.repeat(129), 'two words', 'line\u2028break', '<script>']) {
      const r = await t.app.inject({ method: 'GET', url: '/api/health/live', headers: { 'x-request-id': bad } });
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('forwarded headers', () => {
  const ipOf = async (trustProxy: string, remoteAddress: string) => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'h'.repeat(40), SEED_DEMO: 'false', TRUST_PROXY: trustProxy });
    const app = await buildApp({ database: t.database, config, logger: false });
    app.get('/test/ip', async (request) => ({ ip: request.ip }));
    try {
      const r = await app.inject({ method: 'GET', url: '/test/ip', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.66' } });
      return (r.json() as { ip: string }).ip;
    } finally {
      await app.close();
    }
  };

  it('ignores X-Forwarded-For by default, even from loopback and private peers', async () => {
    expect(await ipOf('', '127.0.0.1')).toBe('127.0.0.1');
    expect(await ipOf('', '10.1.2.3')).toBe('10.1.2.3');
  });

  it('believes X-Forwarded-For only from a proxy named in TRUST_PROXY', async () => {
    expect(await ipOf('10.1.2.3', '10.1.2.3')).toBe('203.0.113.66');
    expect(await ipOf('10.1.2.3', '10.1.2.4')).toBe('10.1.2.4');
    expect(await ipOf('10.1.2.0/24', '10.1.2.4')).toBe('203.0.113.66');
  });
});
