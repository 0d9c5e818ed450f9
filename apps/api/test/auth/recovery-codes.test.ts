import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { recoveryCodes } from '@bunkai/db';
import { createFactories } from '../../src/seed/factories.ts';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: ReturnType<typeof createFactories>;
const clock = manualClock('2026-12-03T09:00:05Z');

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3' }, { clock });
  f = createFactories(t.app);
});
afterAll(() => t.close());

/** A new account with two-factor turned on; returns its first recovery codes. */
const withTwoFactor = async () => {
  const m = await f.registerOrganization();
  const enroll = await m.http.post<{ secret: string }>('/api/v1/auth/totp/enroll');
  const verified = await m.http.post<{ user: { id: string; totpEnabled: boolean }; recoveryCodes: string[] }>('/api/v1/auth/totp/verify', { code: generateTotp(enroll.body.secret, clock.now().getTime()) });
  expect(verified.status).toBe(200);
  return { m, codes: verified.body.recoveryCodes, userId: verified.body.user.id };
};
const login = (m: { email: string; password: string }, extra: object) => f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password, ...extra });

describe('two-factor recovery codes', () => {
  it('are handed out once when two-factor is turned on, stored only as hashes', async () => {
    const { m, codes, userId } = await withTwoFactor();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    expect(stored).toHaveLength(10);
    const plain = new Set(codes.flatMap((c) => [c, c.replace(/-/g, '')]));
    expect(stored.some((r) => plain.has(r.codeHash))).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
    const status = await m.http.get<{ remaining: number; total: number }>('/api/v1/auth/recovery-codes');
    expect(status.body).toMatchObject({ remaining: 10, total: 10 });
  });

  it('each signs in once in place of the authenticator code (case and hyphens ignored)', async () => {
    const { m, codes } = await withTwoFactor();
    const [first, second] = codes;
    expect((await login(m, {})).body).toMatchObject({ error: { code: 'totp_required' } });
    expect((await login(m, { recoveryCode: first })).status).toBe(200);
    const again = await login(m, { recoveryCode: first });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    expect((await login(m, { recoveryCode: second!.toUpperCase().replace(/-/g, '') })).status).toBe(200);
    expect((await m.http.get<{ remaining: number }>('/api/v1/auth/recovery-codes')).body.remaining).toBe(8);
    // a wrong password never spends a code
    expect((await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: 'wrong password!', recoveryCode: codes[2] })).status).toBe(401);
    expect((await login(m, { recoveryCode: codes[2] })).status).toBe(200);
    expect((await login(m, { recoveryCode: 'not-a-code' })).status).toBe(400);
  });

  it('regenerate with the password: the old set stops working, the new one works', async () => {
    const { m, codes } = await withTwoFactor();
    const wrong = await m.http.post('/api/v1/auth/recovery-codes', { password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_password' } });
    const fresh = await m.http.post<{ codes: string[] }>('/api/v1/auth/recovery-codes', { password: m.password });
    expect(fresh.status).toBe(200);
    expect(fresh.body.codes).toHaveLength(10);
    expect(fresh.body.codes.some((c) => codes.includes(c))).toBe(false);
    expect((await login(m, { recoveryCode: codes[0] })).status).toBe(401);
    expect((await login(m, { recoveryCode: fresh.body.codes[0] })).status).toBe(200);
  });

  it('are refused without two-factor, and belong to their own account only', async () => {
    const plain = await f.registerOrganization();
    const none = await plain.http.post('/api/v1/auth/recovery-codes', { password: plain.password });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ error: { code: 'totp_not_enabled' } });
    expect((await plain.http.get('/api/v1/auth/recovery-codes')).body).toMatchObject({ remaining: 0, total: 0, generatedAt: null });
    const a = await withTwoFactor();
    const b = await withTwoFactor();
    expect((await login(b.m, { recoveryCode: a.codes[0] })).status).toBe(401);
  });
});
