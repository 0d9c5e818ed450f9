import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { SESSION_CACHE_TTL_MS } from '../../src/plugins/session-check.ts';
import { createFactories, refreshCookieFrom } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** Sessions (docs/operations.md#sessions): the refresh token only in an HttpOnly cookie; logout ends the access token too. */
let t: TestApp;
let f: ReturnType<typeof createFactories>;

beforeAll(async () => {
  t = await createTestApp();
  f = createFactories(t.app);
});
afterAll(() => t.close());

const cookieOf = (headers: Record<string, unknown>) => ([] as unknown[]).concat(headers['set-cookie'] ?? []).map(String).find((c) => c.startsWith('bunkai_refresh='));
const renew = (refreshToken?: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/session/refresh', headers: refreshToken ? { cookie: `bunkai_refresh=${refreshToken}` } : {} });
const logout = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/session/logout', headers: { cookie: `bunkai_refresh=${refreshToken}` } });
const me = (accessToken: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${accessToken}` } });

describe('the refresh-token cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, scoped to the session path; the body has no refresh token', async () => {
    const m = await f.registerOrganization();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: m.password } });
    expect(login.statusCode).toBe(200);
    const cookie = cookieOf(login.headers)!;
    expect(cookie).toBeDefined();
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    for (const a of ['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth/session', `max-age=${t.config.refreshTokenTtlDays * 86_400}`]) expect(attributes).toContain(a);
    const body = login.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty('refreshToken');
    expect(JSON.stringify(body)).not.toContain(refreshCookieFrom(login.headers));
  });

  it('renews from the cookie alone, rotating it; without a cookie it answers 401', async () => {
    const m = await f.registerOrganization();
    const res = await renew(m.refreshToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: m.email } });
    expect(refreshCookieFrom(res.headers)).not.toBe(m.refreshToken);
    expect((await me(res.json<{ accessToken: string }>().accessToken)).statusCode).toBe(200);
    const none = await renew();
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'invalid_refresh_token' } });
  });

  it('clears the cookie when the presented token is refused', async () => {
    const res = await renew('not-a-token-of-ours-0123456789');
    expect(res.statusCode).toBe(401);
    expect(cookieOf(res.headers)).toMatch(/^bunkai_refresh=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  });
});

describe('logout', () => {
  it('ends the refresh token and the access token of that sign-in at once, and clears the cookie', async () => {
    const m = await f.registerOrganization();
    const other = await f.login(m.email, m.password);
    expect((await me(m.session.accessToken)).statusCode).toBe(200);
    const out = await logout(m.refreshToken);
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out.headers)).toMatch(/^bunkai_refresh=;/);
    const refused = await me(m.session.accessToken);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await renew(m.refreshToken)).statusCode).toBe(401);
    // Another sign-in of the same person (another device) is not affected.
    expect((await me(other.session.accessToken)).statusCode).toBe(200);
    expect((await renew(other.refreshToken)).statusCode).toBe(200);
  });

  it('ends the access token on another API instance too, well before its session-check cache would expire', async () => {
    // A second instance on the same database, which has just accepted (and cached) the access token.
    const other = await buildApp({ database: t.database, config: t.config, logger: false });
    await other.ready();
    try {
      const m = await f.registerOrganization();
      const onOther = () => other.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${m.session.accessToken}` } });
      expect((await onOther()).statusCode).toBe(200);
      expect((await onOther()).statusCode).toBe(200);
      const started = Date.now();
      expect((await logout(m.refreshToken)).statusCode).toBe(204);
      // The revocation reaches the other instance as a notification after the logout's commit.
      let status = 200;
      while (status === 200 && Date.now() - started < SESSION_CACHE_TTL_MS / 4) {
        status = (await onOther()).statusCode;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 204 without a cookie (already signed out)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/session/logout' })).statusCode).toBe(204);
  });
});
