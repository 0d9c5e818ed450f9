import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, createFactories } from '../../src/seed/factories.ts';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** Decision 0008: a wrong-password flood slows the attacker but does not lock the person out. */
const LIMIT = 10;
const WINDOW_SECONDS = 900;
let t: TestApp;
let f: ReturnType<typeof createFactories>;
const clock = manualClock('2026-12-03T10:00:05Z');

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: String(LIMIT), LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS) }, { clock });
  f = createFactories(t.app);
});
afterAll(() => t.close());

let nextAddress = 1;
/** A fresh address per call site, so tests never share per-address counters. */
const address = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

const loginFrom = (remoteAddress: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: body });

const withTotp = async (): Promise<Member & { secret: string }> => {
  const m = await f.registerOrganization();
  const { secret } = (await m.http.post<{ secret: string }>('/api/v1/auth/totp/enroll')).body;
  expect((await m.http.post('/api/v1/auth/totp/verify', { code: generateTotp(secret, clock.now().getTime()) })).status).toBe(200);
  // The enrollment consumed the current step; the next login needs the next one.
  clock.advance(30_000);
  return { ...m, secret };
};
const code = (secret: string) => generateTotp(secret, clock.now().getTime());
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('a wrong-password flood does not lock the real user out', () => {
  it('lets the right password + TOTP in from another address after 10+ wrong passwords from one', async () => {
    const m = await withTotp();
    const attacker = address();
    const flood: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) flood.push((await loginFrom(attacker, { email: m.email, password: 'wrong password!' })).statusCode);
    expect(tally(flood)).toEqual({ 401: LIMIT, 429: 5 });
    // The attacker's address stays refused, even with the right password and code.
    expect((await loginFrom(attacker, { email: m.email, password: m.password, totp: code(m.secret) })).statusCode).toBe(429);
    const ok = await loginFrom(address(), { email: m.email, password: m.password, totp: code(m.secret) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email: m.email } });
  });

  it('lets the person in while a flood from many addresses goes on (each address one guess)', async () => {
    const m = await withTotp();
    const flood = await Promise.all(Array.from({ length: 30 }, () => loginFrom(address(), { email: m.email, password: 'wrong password!' })));
    const counts = tally(flood.map((r) => r.statusCode));
    // Attempts without a second factor: at most LIMIT are checked, whatever the number of addresses.
    expect(counts[401]).toBeLessThanOrEqual(LIMIT);
    expect(counts[401]! + counts[429]!).toBe(30);
    // Under attack, the right password alone is refused (it would confirm the password to the flood)…
    expect((await loginFrom(address(), { email: m.email, password: m.password })).statusCode).toBe(429);
    // …but the right password with a valid code from a clean address is accepted.
    clock.advance(30_000);
    expect((await loginFrom(address(), { email: m.email, password: m.password, totp: code(m.secret) })).statusCode).toBe(200);
  });

  it('under attack, answers a wrong code like a wrong password and spends a small second-factor budget', async () => {
    const m = await withTotp();
    const attacker = address();
    for (let i = 0; i < LIMIT + 1; i++) await loginFrom(attacker, { email: m.email, password: 'wrong password!' });
    // Someone who knows the password but not the code, from fresh addresses each time.
    for (let i = 0; i < 3; i++) {
      const r = await loginFrom(address(), { email: m.email, password: m.password, totp: '000000' });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    }
    // The budget is spent: only a password leak reaches this point, and the window ends it.
    expect((await loginFrom(address(), { email: m.email, password: m.password, totp: code(m.secret) })).statusCode).toBe(429);
    clock.advance(WINDOW_SECONDS * 1000 + 1000);
    expect((await loginFrom(address(), { email: m.email, password: m.password, totp: code(m.secret) })).statusCode).toBe(200);
  });

  it('keeps an address that goes on hammering out for exponentially longer', async () => {
    const m = await f.registerOrganization();
    const attacker = address();
    // LIMIT failures, then 3 refused attempts: the pair's window has doubled three times (8 × 15 minutes).
    for (let i = 0; i < LIMIT + 3; i++) await loginFrom(attacker, { email: m.email, password: 'wrong password!' });
    clock.advance(WINDOW_SECONDS * 1000 * 2);
    expect((await loginFrom(attacker, { email: m.email, password: m.password })).statusCode).toBe(429);
    // Elsewhere the account's own window has passed: the person signs in (no TOTP needed once the flood is over).
    expect((await loginFrom(address(), { email: m.email, password: m.password })).statusCode).toBe(200);
    clock.advance(WINDOW_SECONDS * 1000 * 16);
    expect((await loginFrom(attacker, { email: m.email, password: m.password })).statusCode).toBe(200);
  });

  it('holds the per-address limit for parallel wrong passwords from one address', async () => {
    const m = await withTotp();
    const attacker = address();
    const results = await Promise.all(Array.from({ length: 30 }, () => loginFrom(attacker, { email: m.email, password: 'wrong password!', totp: '123456' })));
    const counts = tally(results.map((r) => r.statusCode));
    expect(counts[401]).toBeLessThanOrEqual(LIMIT);
    expect(counts[401]! + counts[429]!).toBe(30);
    expect((await loginFrom(address(), { email: m.email, password: m.password, totp: code(m.secret) })).statusCode).toBe(200);
  });
});
