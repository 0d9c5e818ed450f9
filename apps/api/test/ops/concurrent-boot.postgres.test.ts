import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_USERS, seedDemoIfEmpty } from '../../src/seed/demo-seed.ts';
import { type Proc, buildApi, startBuiltServer, waitFor } from './processes.ts';

/*
 * Two instances booting together on one EMPTY PostgreSQL database, the way
 * server.ts boots: each migrates (under the migration advisory lock), builds
 * its app and seeds the demo (under the seed lock). Both must come up ready,
 * the schema must be migrated once, and the demo must exist exactly once.
 */
const adminUrl = inject('postgresAdminUrl');
const names = [`bunkai_boot_${randomBytes(4).toString('hex')}`, `bunkai_boot_${randomBytes(4).toString('hex')}`];
const [url, processUrl] = names.map((n) => adminUrl.replace(/\/postgres$/, `/${n}`)) as [string, string];
const work = mkdtempSync(join(tmpdir(), 'bunkai-boot-'));
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
  await admin(async (a) => {
    for (const n of names) await a.db.execute(`CREATE DATABASE ${n}`);
  });
});
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  await admin(async (a) => {
    for (const n of names) await a.db.execute(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  });
  rmSync(work, { recursive: true, force: true });
});

const count = async (database: Database, sql: string) => Number(((await database.db.execute(sql)) as unknown as { rows: { n: string }[] }).rows[0]?.n);

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
      const migrations = await count(a.database, 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
      expect(migrations).toBeGreaterThan(0);
      expect(await count(a.database, `SELECT count(*) AS n FROM users WHERE email = '${DEMO_USERS.hospital.email}'`)).toBe(1);
      expect(await count(a.database, 'SELECT count(*) AS n FROM organizations')).toBe(Object.keys(DEMO_USERS).length);
      // A third start (a rolling restart) applies nothing and seeds nothing.
      const c = await boot();
      expect(c.seeded).toBeNull();
      expect(await count(a.database, 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toBe(migrations);
      await c.app.close();
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
    }
  });
});

describe('two built servers (node apps/api/dist/server.mjs) started together', () => {
  it('both become ready and the demo (SEED_DEMO, outside production) is seeded once, even when they reach the seed step at the same instant', { timeout: 240_000 }, async () => {
    buildApi();
    const check = await createDb({ databaseUrl: processUrl, poolMax: 2 });
    opened.push(check);
    // Migrated but empty. The test holds the seed lock until both servers wait for it, so both have reached
    // "is the database empty? then seed" together; released, they must take turns and the second finds the demo.
    await check.migrate();
    const env = { NODE_ENV: 'development', JWT_SECRET: 'boot-secret-boot-secret-boot-secret-0123', SCRYPT_COST: '1024', SEED_DEMO: 'true', DATABASE_URL: processUrl, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' };
    const servers: Proc[] = [];
    try {
      await check.withLock('seed', async () => {
        for (const n of ['a', 'b']) {
          mkdirSync(join(work, n));
          servers.push(startBuiltServer(join(work, n), env));
        }
        await waitFor('both servers to wait for the seed lock', async () => {
          for (const s of servers) {
            if (s.child.exitCode !== null) throw new Error(`a server exited: ${s.out().slice(-2000)}`);
            if (s.out().includes('Server listening')) throw new Error('a server started without waiting for the seed lock');
          }
          return (await count(check, "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) === 2;
        }, 120_000);
      });
      const ports = await Promise.all(
        servers.map(async (s) => {
          let port = 0;
          await waitFor('a server to listen', () => {
            if (s.child.exitCode !== null) throw new Error(`a server exited: ${s.out().slice(-2000)}`);
            port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(s.out())?.[1] ?? 0);
            return port > 0;
          }, 120_000);
          return port;
        }),
      );
      for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
      // The seed banner is printed by the one server that seeded.
      expect(servers.filter((s) => s.out().includes('Demo data seeded'))).toHaveLength(1);
      expect(await count(check, `SELECT count(*) AS n FROM users WHERE email = '${DEMO_USERS.hospital.email}'`)).toBe(1);
      expect(await count(check, 'SELECT count(*) AS n FROM organizations')).toBe(Object.keys(DEMO_USERS).length);
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
    }
  });
});
