import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactories } from '../../src/seed/factories.ts';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const LOGIN_MAX_ATTEMPTS = 10;
let t: TestApp;
let f: ReturnType<typeof createFactories>;
const clock = manualClock('2026-12-03T10:00:05Z');

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: String(LOGIN_MAX_ATTEMPTS) }, { clock });
  f = createFactories(t.app);
});
afterAll(() => t.close());

/** Each test signs in from its own address, so the per-address counter of one test never limits another. */
const loginFrom = (remoteAddress: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: body });

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('sign-in under parallel attempts', () => {
  it('accepts one TOTP code once, however many logins race with it', async () => {
    const m = await f.registerOrganization();
    const { secret } = (await m.http.post<{ secret: string }>('/api/v1/auth/totp/enroll')).body;
    expect((await m.http.post('/api/v1/auth/totp/verify', { code: generateTotp(secret, clock.now().getTime()) })).status).toBe(200);
    clock.advance(30_000);
    const code = generateTotp(secret, clock.now().getTime());
    const results = await Promise.all(Array.from({ length: 6 }, () => loginFrom('198.51.100.11', { email: m.email, password: m.password, totp: code })));
    const statuses = results.map((r) => r.statusCode);
    expect(tally(statuses)).toEqual({ 200: 1, 401: 5 });
    for (const r of results.filter((x) => x.statusCode === 401)) expect(r.json()).toMatchObject({ error: { code: 'invalid_totp' } });
  });

  it('lets at most LOGIN_MAX_ATTEMPTS parallel wrong passwords be checked; the rest get 429', async () => {
    const m = await f.registerOrganization();
    const results = await Promise.all(Array.from({ length: 30 }, () => loginFrom('198.51.100.12', { email: m.email, password: 'wrong password!' })));
    const counts = tally(results.map((r) => r.statusCode));
    expect(Object.keys(counts).sort()).toEqual(['401', '429']);
    expect(counts[401]).toBeLessThanOrEqual(LOGIN_MAX_ATTEMPTS);
    expect(counts[401]! + counts[429]!).toBe(30);
    // The account stays limited for the window, the right password included, from any address…
    expect((await loginFrom('198.51.100.13', { email: m.email, password: m.password })).statusCode).toBe(429);
    // …and is open again once the window has passed.
    clock.advance(t.config.loginWindowSeconds * 1000 + 1000);
    expect((await loginFrom('198.51.100.13', { email: m.email, password: m.password })).statusCode).toBe(200);
  });

  it('does not count successful sign-ins against the address', async () => {
    const m = await f.registerOrganization();
    // More successes from one address than its failure limit (5 × LOGIN_MAX_ATTEMPTS).
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS * 5 + 2; i++)
      expect((await loginFrom('198.51.100.14', { email: m.email, password: m.password })).statusCode).toBe(200);
  });
});
