import closeWithGrace from 'close-with-grace';
import { createDb } from '@bunkai/db';
import { buildApp } from './app.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { seedDemoIfEmpty } from './seed/demo-seed.ts';

/** Standalone entry: config → database (migrated) → demo seed → HTTP server, with graceful shutdown. */
const main = async () => {
  loadDotEnv();
  const config = loadConfig();
  const database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const app = await buildApp({ database, config });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(app, database, config);
    // Printed plainly (not as a JSON log line) so a person starting the app can read it.
    if (seeded) console.log(`\n${seeded.banner}\n`);
  }
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after error');
    await app.close();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Bunkai on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.engine}); API docs at /api/docs`);
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
