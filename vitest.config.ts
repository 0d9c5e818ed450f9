import { defineConfig } from 'vitest/config';

/**
 * Five projects:
 * - web: component tests of the React app (happy-dom);
 * - unit: pure packages (domain, catalog, docx), no database, fast;
 * - documents: slow document checks (LibreOffice rendering, the large annex), kept out of unit;
 * - pglite / postgres: the database and API suites, run once on each engine.
 *   The postgres project's global setup starts a throwaway PostgreSQL cluster
 *   and gives each worker its own database cloned from a migrated template.
 */
const dbSuites = ['packages/db/test/**/*.test.ts', 'apps/api/test/**/*.test.ts'];
const setupFiles = ['test/setup/console-error.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          setupFiles,
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.render.test.ts'],
          setupFiles,
        },
      },
      {
        test: {
          name: 'documents',
          include: ['packages/*/src/**/*.render.test.ts'],
          setupFiles,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: dbSuites,
          // *.postgres.test.ts need a server (e.g. two API processes on one database).
          exclude: ['**/node_modules/**', '**/*.postgres.test.ts'],
          env: { BUNKAI_TEST_DB: 'pglite' },
          setupFiles,
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
          setupFiles,
          globalSetup: ['packages/db/src/testing/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
