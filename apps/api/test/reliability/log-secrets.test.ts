import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@bunkai/db';
import { createTestDatabase } from '@bunkai/db/testing';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { loggerOptions } from '../../src/plugins/logging.ts';

/** Issue 13: one register with a NUL wrote the password's scrypt hash to the log (the database error with its parameters). */
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const logText = () => lines.join('\n');

let database: Database;
let app: FastifyInstance;
const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', SCRYPT_COST: '1024', LOG_LEVEL: 'info', SEED_DEMO: 'false', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0' });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, config, logger: pino(loggerOptions(config), capture) });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const PASSWORD = 'correct horse battery staple 42';
const register = (displayName: string, email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { organization: { name: 'Log Org', kind: 'vendor' }, user: { email, displayName, password: PASSWORD } } });

describe('logs hold no credentials', () => {
  it('refuses a NUL in displayName with 400 and logs nothing of the password', async () => {
    const res = await register('x\u0000y', 'nul@example.test');
    expect(res.statusCode).toBe(400);
    expect(logText()).not.toContain(PASSWORD);
    expect(logText()).not.toContain('scrypt$');
  });

  it('logs a failed insert of a user by its SQLSTATE and message, without the parameters (the scrypt hash)', async () => {
    // A database-level failure after the password was hashed: the INSERT carries the hash as a parameter.
    await database.db.execute(sql.raw(`create function log_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'insert refused by the log test'; end $$`));
    await database.db.execute(sql.raw(`create trigger log_test_refuse before insert on users for each row execute function log_test_refuse()`));
    try {
      const res = await register('refused', 'refused@example.test');
      expect(res.statusCode).toBe(500);
    } finally {
      await database.db.execute(sql.raw(`drop trigger log_test_refuse on users`));
    }
    const failure = lines.map((l) => JSON.parse(l) as { msg?: string; err?: Record<string, unknown> }).find((l) => l.msg === 'unhandled error');
    expect(failure?.err).toMatchObject({ type: 'DatabaseError', code: 'P0001', message: 'insert refused by the log test' });
    expect(logText()).not.toContain('scrypt$');
    expect(logText()).not.toContain(PASSWORD);
    expect(logText()).not.toContain('refused@example.test');
  });

  it('keeps issued tokens, invitation tokens and credentials out of the log', async () => {
    const res = await register('fine', 'fine@example.test');
    expect(res.statusCode).toBe(201);
    const { accessToken, refreshToken } = res.json<{ accessToken: string; refreshToken: string }>();
    await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${accessToken}`, cookie: `bunkai_refresh=${refreshToken}` } });
    const invitationToken = 'inv0123456789abcdefghijklmnopqrstuvwxyzABCD';
    await app.inject({ method: 'GET', url: `/api/v1/invitations/${invitationToken}` });
    // Whatever a future log call passes, these fields are censored.
    app.log.info({ req: { headers: { authorization: `Bearer ${accessToken}`, cookie: refreshToken } }, user: { passwordHash: 'scrypt$1$2$3$salt$hash' }, body: { password: PASSWORD, totp: '123456', refreshToken } }, 'probe');
    const text = logText();
    for (const secret of [accessToken, refreshToken, invitationToken, PASSWORD, 'scrypt$', '123456']) expect(text).not.toContain(secret);
    expect(text).toContain('/api/v1/invitations/[redacted]');
    expect(text).toContain('"probe"');
  });

  it('writes JSON lines (the production format)', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
