import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - web: component tests of the React app (happy-dom);
 * - unit: pure packages (domain, catalog, docx), no database;
 * - pglite / postgres: the database and API suites, run once on each engine.
 *   The postgres project's global setup starts a throwaway PostgreSQL cluster
 *   and gives each worker its own database cloned from a migrated template.
 */
const dbSuites = ['packages/db/test/**/*.test.ts', 'apps/api/test/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: dbSuites,
          // *.postgres.test.ts need a server (e.g. two API processes on one database).
          exclude: ['**/node_modules/**', '**/*.postgres.test.ts'],
          env: { BUNKAI_TEST_DB: 'pglite' },
          globalSetup: ['packages/db/src/testing/pglite-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: dbSuites,
          env: { BUNKAI_TEST_DB: 'postgres' },
          globalSetup: ['packages/db/src/testing/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
