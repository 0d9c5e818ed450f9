import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { PROJECT_ROOT } from '../../config.ts';

/** Where `vite build` (apps/web) writes the single-page app. */
export const WEB_DIST_DIR = resolve(PROJECT_ROOT, 'apps/web/dist');

const ONE_YEAR = 365 * 24 * 3600;

/**
 * Serves the built web app (SPA) on the API's own port: one process, one
 * start command in production. Hashed files under /assets are cached for a
 * year; index.html never, so a deploy is picked up on the next load. Every
 * other GET outside /api and /assets answers index.html, and the client-side
 * router takes it from there. Returns null when the app has not been built,
 * so the API starts without it (development uses the Vite dev server).
 * Who may call: anyone (static files carry no data).
 */
export const webRoutes = (distDir: string = WEB_DIST_DIR): FastifyPluginAsync | null => {
  if (!existsSync(resolve(distDir, 'index.html'))) return null;
  return async (app) => {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes('/assets/') ? `public, max-age=${ONE_YEAR}, immutable` : 'no-cache');
      },
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    });
  };
};
