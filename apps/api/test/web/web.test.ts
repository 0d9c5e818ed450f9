import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutes } from '../../src/modules/web/web-routes.ts';
import { registerErrorHandler } from '../../src/plugins/error-handler.ts';

/** The SPA host: files from dist/, index.html for client routes, the API's 404 envelope for the rest. */
describe('web module (serving apps/web/dist)', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bunkai-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>分界 Bunkai</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("bunkai")');
    app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/api/v1/ping', async () => ({ ok: true }));
    const plugin = webRoutes(dir);
    if (!plugin) throw new Error('expected the web plugin for a built dist/');
    await app.register(plugin);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is skipped when the app has not been built, so the API starts without it', () => {
    expect(webRoutes(join(tmpdir(), 'bunkai-no-such-dist'))).toBeNull();
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/engagements/8f0c/matrix?cell=1', '/invitations/abcdefghijklmnopqrstuvwxyz']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('分界 Bunkai');
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('bunkai');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers the API 404 envelope for unknown /api and /assets paths instead of the app', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'route_not_found' } });
    const asset = await app.inject({ method: 'GET', url: '/assets/old-hash.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json()).toMatchObject({ error: { code: 'route_not_found' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
  });
});
