import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupRefused, backupDatabase, restoreDatabase } from '@bunkai/db';
import { ConfigError, loadDatabaseConfig, loadDotEnv } from './config.ts';

/**
 * `npm run backup -- --out <file>` and `npm run restore -- --in <file>`
 * (docs/operations.md): the configured database (DATABASE_URL, or PGlite in
 * DATA_DIR) to one file and back. PostgreSQL: pg_dump custom format, restored
 * with pg_restore; PGlite: its data-directory dump. A restore writes only into
 * an empty database and is refused otherwise. Needs only the database settings.
 */
const USAGE = 'usage: backup --out <file> | restore --in <file>';

const main = async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, in: { type: 'string' } } });
  const [command] = positionals;
  loadDotEnv();
  const config = loadDatabaseConfig();
  const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  if (command === 'backup' && values.out) {
    const file = resolve(values.out);
    const { bytes } = await backupDatabase(target, file);
    console.log(`backed up ${where} to ${file} (${bytes} bytes)`);
  } else if (command === 'restore' && values.in) {
    const file = resolve(values.in);
    await restoreDatabase(target, file);
    console.log(`restored ${file} into ${where}; start the server (it applies any newer migrations)`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
};

main().catch((err: unknown) => {
  // The operator's to fix: the message alone, no stack.
  console.error(err instanceof ConfigError || err instanceof BackupRefused ? err.message : err);
  process.exit(1);
});
