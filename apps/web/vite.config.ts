import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, minifySync, type Plugin } from 'vite';

/**
 * Development: Vite serves the app and proxies /api to the API (port 4170 by
 * default, BUNKAI_API_URL to change it). Production: `vite build` writes
 * dist/, which the API serves on its own port (apps/api/src/modules/web).
 */
const apiTarget = process.env.BUNKAI_API_URL ?? 'http://127.0.0.1:4170';

/**
 * boot/early.js is a classic script that must run before the bundle is parsed (it starts the session
 * renewal and the matrix request): Vite bundles only module scripts, so it is copied as is under a
 * content hash into assets/ (cached for a year there, like the bundle; a blocking script that had to be
 * revalidated on every load would delay the page instead) and index.html points at that copy.
 */
const earlyScript = (): Plugin => {
  let root = '';
  let outDir = '';
  // Minified (Vite's own minifier): it counts in the first load's budget (apps/web/bench/bundle-size.ts).
  const source = () => minifySync('early.js', readFileSync(resolve(root, 'boot/early.js'), 'utf8'), { compress: true, mangle: true }).code;
  const name = () => `assets/early-${createHash('sha256').update(source()).digest('hex').slice(0, 10)}.js`;
  return {
    name: 'bunkai-early-script',
    configResolved: (c) => {
      root = c.root;
      outDir = resolve(c.root, c.build.outDir);
    },
    configureServer: (server) => {
      server.middlewares.use('/early.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(source());
      });
    },
    transformIndexHtml: { order: 'post', handler: (html, ctx) => (ctx.server ? html : html.replace('src="/early.js"', `src="/${name()}"`)) },
    writeBundle: () => {
      mkdirSync(resolve(outDir, 'assets'), { recursive: true });
      writeFileSync(resolve(outDir, name()), source());
    },
  };
};

export default defineConfig({
  plugins: [react(), earlyScript()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Every browser the app supports (Chromium, Firefox ≥ 115, Safari ≥ 17) preloads modules itself; the
    // polyfill only made older ones fetch early and was ~0.4 KiB of the first load's budget.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // @bunkai/domain is pure (no I/O, no globals touched on import): the app imports a few constants and rules
      // from its barrel, so every module it does not use — the API's zod schemas above all — may be dropped.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]/.test(id) },
    },
  },
});
