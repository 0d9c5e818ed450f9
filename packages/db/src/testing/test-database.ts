import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createDb, type Database } from '../create-db.ts';
import { TEMPLATE_DATABASE } from './postgres-global-setup.ts';

/** The engine a database test file runs on, chosen by the vitest project (BUNKAI_TEST_DB). */
export const testEngine = (): 'pglite' | 'postgres' => (process.env.BUNKAI_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

let pgliteTemplate: Blob | undefined;

/**
 * A fresh, migrated database for one test file. PostgreSQL: a new database
 * cloned from the migrated template (cheap, isolated, per worker). PGlite: an
 * in-memory instance loaded from the migrated data-dir dump the project's
 * global setup made once.
 */
export const createTestDatabase = async (): Promise<Database & { url?: string }> => {
  if (testEngine() === 'postgres') {
    const adminUrl = inject('postgresAdminUrl');
    const name = `bunkai_t${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
    const admin = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
    await admin.db.execute(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.close();
    const url = adminUrl.replace(/\/postgres$/, `/${name}`);
    const database = await createDb({ databaseUrl: url });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const a = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
        await a.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.close();
      },
    };
  }
  pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplatePath'))]);
  const database = await createDb({ loadDataDir: pgliteTemplate });
  return database;
};
