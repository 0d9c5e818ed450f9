import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Development: Vite serves the app and proxies /api to the API (port 4170 by
 * default, BUNKAI_API_URL to change it). Production: `vite build` writes
 * dist/, which the API serves on its own port (apps/api/src/modules/web).
 */
const apiTarget = process.env.BUNKAI_API_URL ?? 'http://127.0.0.1:4170';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      // @bunkai/domain is pure (no I/O, no globals touched on import): the app imports a few constants and rules
      // from its barrel, so every module it does not use — the API's zod schemas above all — may be dropped.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]/.test(id) },
    },
  },
});
