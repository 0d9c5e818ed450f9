import { describe, expect, it } from 'vitest';
import { ConfigError, PROJECT_ROOT, databaseOptions, loadConfig, loadDatabaseConfig } from '../../src/config.ts';

const SECRET = 'p'.repeat(40);
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: SECRET, PUBLIC_URL: 'https://bunkai.hospital.example', DATABASE_URL: 'postgres://bunkai@db/bunkai' };
const without = (key: keyof typeof PRODUCTION) => Object.fromEntries(Object.entries(PRODUCTION).filter(([k]) => k !== key));

describe('production configuration (safe defaults)', () => {
  it('starts with a secret, an https public URL and a database, and then never seeds the demo', () => {
    const c = loadConfig(PRODUCTION);
    expect(c).toMatchObject({ env: 'production', jwtSecret: SECRET, publicUrl: 'https://bunkai.hospital.example', databaseUrl: 'postgres://bunkai@db/bunkai', seedDemo: false });
  });

  it.each([
    ['JWT_SECRET', without('JWT_SECRET'), /JWT_SECRET is required in production/],
    ['PUBLIC_URL', without('PUBLIC_URL'), /PUBLIC_URL is required in production/],
    ['DATABASE_URL', without('DATABASE_URL'), /DATABASE_URL is required in production/],
  ])('refuses to start without %s, naming it', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every missing variable at once', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ['JWT_SECRET', 'PUBLIC_URL', 'DATABASE_URL']) expect(message).toContain(name);
  });

  it('refuses a plain-http public URL, a short secret and the demo seed in production', () => {
    expect(() => loadConfig({ ...PRODUCTION, PUBLIC_URL: 'http://bunkai.hospital.example' })).toThrow(/PUBLIC_URL .*https/);
    expect(() => loadConfig({ ...PRODUCTION, JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...PRODUCTION, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO must not be true in production/);
    expect(loadConfig({ ...PRODUCTION, SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('takes the embedded database in production only when chosen explicitly with pglite://', () => {
    const abs = loadConfig({ ...PRODUCTION, DATABASE_URL: 'pglite:///var/lib/bunkai/pglite' });
    expect(abs).toMatchObject({ databaseUrl: undefined, dataDir: '/var/lib/bunkai/pglite' });
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: 'pglite://.data/prod' }).dataDir).toBe(`${PROJECT_ROOT}/.data/prod`);
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_URL: 'pglite://' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_URL: 'mysql://db/bunkai' })).toThrow(/DATABASE_URL/);
  });

  it('keeps the demo defaults outside production', () => {
    const c = loadConfig({ NODE_ENV: 'development', JWT_SECRET: SECRET });
    expect(c).toMatchObject({ seedDemo: true, databaseUrl: undefined, publicUrl: 'http://localhost:4170', trustProxy: [] });
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('migrating needs the database settings only, and a database in production', () => {
    expect(loadDatabaseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/bunkai' }).databaseUrl).toBe('postgres://db/bunkai');
    expect(() => loadDatabaseConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required in production/);
  });
});

describe('database and proxy settings', () => {
  it('passes pool size and session timeouts on to createDb, with sane defaults', () => {
    expect(databaseOptions(loadConfig(PRODUCTION))).toMatchObject({ poolMax: 10, statementTimeoutMs: 30_000, lockTimeoutMs: 10_000, idleInTransactionTimeoutMs: 60_000 });
    const custom = loadConfig({ ...PRODUCTION, DB_POOL_MAX: '25', DB_STATEMENT_TIMEOUT_MS: '5000', DB_LOCK_TIMEOUT_MS: '0', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '15000' });
    expect(databaseOptions(custom)).toMatchObject({ databaseUrl: 'postgres://bunkai@db/bunkai', poolMax: 25, statementTimeoutMs: 5000, lockTimeoutMs: 0, idleInTransactionTimeoutMs: 15_000 });
    expect(() => loadConfig({ ...PRODUCTION, DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
    expect(() => loadConfig({ ...PRODUCTION, DB_STATEMENT_TIMEOUT_MS: 'forever' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });

  it('trusts forwarded headers only from the proxies named in TRUST_PROXY', () => {
    expect(loadConfig(PRODUCTION).trustProxy).toEqual([]);
    expect(loadConfig({ ...PRODUCTION, TRUST_PROXY: '10.0.0.5, 192.168.1.0/24,loopback' }).trustProxy).toEqual(['10.0.0.5', '192.168.1.0/24', 'loopback']);
    expect(() => loadConfig({ ...PRODUCTION, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...PRODUCTION, TRUST_PROXY: '*' })).toThrow(/TRUST_PROXY/);
  });

  it('bounds the shutdown drain', () => {
    expect(loadConfig(PRODUCTION).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ ...PRODUCTION, SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ ...PRODUCTION, SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
