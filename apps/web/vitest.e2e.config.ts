import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (playwright-core + Debian's Chromium): one file, run in
 * order, against the real API on a fresh in-memory PGlite database.
 * `npx vitest run --config apps/web/vitest.e2e.config.ts` from the repository root.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
