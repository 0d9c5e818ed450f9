import type { AddressInfo } from 'node:net';
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { createDb } from '@bunkai/db';
import { buildApp } from './app.ts';
import { ConfigError, databaseOptions, loadConfig, loadDotEnv } from './config.ts';
import { loggerOptions } from './plugins/logging.ts';
import { seedDemoIfEmpty } from './seed/demo-seed.ts';

/**
 * Standalone entry: config → database (migrated under an advisory lock) →
 * demo seed (never in production) → HTTP server. SIGTERM/SIGINT drain: the
 * SSE streams end, the server stops accepting and lets in-flight requests
 * finish, then the pool closes — all within SHUTDOWN_TIMEOUT_MS, after which
 * the process exits anyway (code 1).
 */
const main = async () => {
  loadDotEnv();
  const config = loadConfig();
  // One logger for the app and the database layer, so pool and LISTEN errors land in the same log.
  const log = pino(loggerOptions(config));
  const database = await createDb({ ...databaseOptions(config), log });
  await database.migrate();
  const app = await buildApp({ database, config, logger: log });
  if (config.seedDemo) {
    // Under a lock: two instances starting on one empty database must not both seed it.
    const seeded = await database.withLock('seed', () => seedDemoIfEmpty(app, database, config));
    // Printed plainly (not as a JSON log line) so a person starting the app can read it.
    if (seeded) console.log(`\n${seeded.banner}\n`);
  }
  closeWithGrace({ delay: config.shutdownTimeoutMs, logger: { error: (m: unknown) => log.error(m) } }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after error');
    else log.info({ signal }, 'shutting down: draining requests');
    await app.close();
    log.info('http server closed; closing the database');
    await database.close();
    log.info('shut down cleanly');
  });
  await app.listen({ host: config.host, port: config.port });
  // The bound port, not the configured one: PORT=0 asks the system for a free port.
  const { port } = app.server.address() as AddressInfo;
  log.info(`Bunkai on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (database: ${database.engine}); API docs at /api/docs`);
};

main().catch((err: unknown) => {
  // A configuration problem is the operator's to fix: its message alone, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
