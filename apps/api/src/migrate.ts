import { createDb } from '@bunkai/db';
import { ConfigError, databaseOptions, loadDatabaseConfig, loadDotEnv } from './config.ts';

/**
 * `npm run migrate`: applies the committed migrations and exits. The server
 * also migrates at boot; both take the same PostgreSQL advisory lock, so this
 * may run while instances are starting. Needs only the database settings.
 */
const main = async () => {
  loadDotEnv();
  const config = loadDatabaseConfig();
  const database = await createDb(databaseOptions(config));
  try {
    await database.migrate();
    console.log(`migrations applied (database: ${database.engine})`);
  } finally {
    await database.close();
  }
};

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
