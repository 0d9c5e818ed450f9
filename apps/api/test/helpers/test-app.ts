import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '@bunkai/db/testing';
import type { Database } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/platform/clock.ts';

export type TestApp = { app: FastifyInstance; database: Database; config: Config; close: () => Promise<void> };

/** The real app on a fresh migrated database (PGlite or PostgreSQL, per vitest project). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** `options.database`: a second app over another's database (a restart with other settings); closing it leaves the database open. */
export const createTestApp = async (overrides: Record<string, string> = {}, options: { clock?: Clock; database?: Database } = {}): Promise<TestApp> => {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    SCRYPT_COST: '1024',
    LOG_LEVEL: process.env.BUNKAI_TEST_LOG ?? 'silent',
    SEED_DEMO: 'false',
    // Suites register and sign in far more often than a person; rate-limit tests set their own limits.
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_HEAVY_MAX: '100000',
    RATE_LIMIT_REGISTER_PER_HOUR: '100000',
    // Test machines are shared and busy: an event-loop stall there is no overload of this app.
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...overrides,
  });
  const app = await buildApp({ database, config, logger: config.logLevel !== 'silent', clock: options.clock });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
};
