import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';

/*
 * Two instances booting together on one EMPTY PostgreSQL database, the way
 * server.ts boots: each migrates (under the migration advisory lock), builds
 * its app and seeds the demo (under the seed lock). Both must come up ready,
 * the schema must be migrated once, and the demo must exist exactly once.
 */
const adminUrl = inject('postgresAdminUrl');
const name = `bunkai_boot_${randomBytes(4).toString('hex')}`;
const url = adminUrl.replace(/\/postgres$/, `/${name}`);
const opened: Database[] = [];

const admin = async <T>(fn: (db: Database) => Promise<T>) => {
  const a = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
  try {
    return await fn(a);
  } finally {
    await a.close();
  }
};

beforeAll(async () => {
  await admin((a) => a.db.execute(`CREATE DATABASE ${name}`));
});
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  await admin((a) => a.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'boot-secret-boot-secret-boot-secret-0123', SCRYPT_COST: '1024', SEED_DEMO: 'true' });

/** server.ts's boot sequence, minus the HTTP listener. */
const boot = async () => {
  const database = await createDb({ databaseUrl: url });
  opened.push(database);
  await database.migrate();
  const app = await buildApp({ database, config, logger: false });
  await app.ready();
  const seeded = await database.withLock('seed', () => seedDemoIfEmpty(app, database, config));
  return { app, database, seeded };
};

describe('two instances booting together on an empty database', () => {
  it('both come up ready; migrations run once and the demo is seeded once', { timeout: 240_000 }, async () => {
    const [a, b] = await Promise.all([boot(), boot()]);
    try {
      for (const i of [a, b]) expect((await i.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
      // One instance seeded, the other found the database no longer empty.
      expect([a.seeded, b.seeded].filter(Boolean)).toHaveLength(1);
      const count = async (sql: string) => Number(((await a.database.db.execute(sql)) as unknown as { rows: { n: string }[] }).rows[0]?.n);
      const migrations = await count('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
      expect(migrations).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = '${DEMO_USERS.hospital.email}'`)).toBe(1);
      expect(await count('SELECT count(*) AS n FROM organizations')).toBe(Object.keys(DEMO_USERS).length);
      // A third start (a rolling restart) applies nothing and seeds nothing.
      const c = await boot();
      expect(c.seeded).toBeNull();
      expect(await count('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toBe(migrations);
      await c.app.close();
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
    }
  });
});
