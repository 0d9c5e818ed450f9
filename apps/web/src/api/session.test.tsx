import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TSession } from '@bunkai/domain';

/**
 * Session handling in the page: the access token in memory only, the refresh token never seen
 * (it is an HttpOnly cookie the browser sends to /api/v1/auth/session/*). `fetch` stands in for
 * the server at the network boundary; the e2e journeys run the real one.
 */
const user = { id: 'u1', organizationId: 'o1', email: 'a@example.test', displayName: 'A', orgRole: 'admin', totpEnabled: false, createdAt: '2026-01-01T00:00:00.000Z' } as const;
const organization = { id: 'o1', name: 'Org', kind: 'hospital', createdAt: '2026-01-01T00:00:00.000Z' } as const;
const session = (accessToken: string): TSession => ({ accessToken, expiresIn: 300, user: { ...user }, organization: { ...organization } });

type Call = { url: string; auth: string | null; method: string };
let calls: Call[];
/** A server whose valid access token is `valid`; the refresh route answers `refreshStatus`. */
const serve = (opts: { valid: string; refreshStatus?: number; next?: string }) => {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const auth = new Headers(init.headers).get('authorization');
    calls.push({ url, auth, method: init.method ?? 'GET' });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/api/v1/auth/session/refresh') return opts.refreshStatus === 401 ? json(401, { error: { code: 'invalid_refresh_token', message: 'x' } }) : json(200, session(opts.next ?? opts.valid));
    if (url === '/api/v1/auth/session/logout') return new Response(null, { status: 204 });
    return auth === `Bearer ${opts.valid}` ? json(200, { ok: true }) : json(401, { error: { code: 'invalid_token', message: 'x' } });
  });
};

/** A fresh copy of the modules, as after a page reload. */
const load = async () => {
  vi.resetModules();
  const { sessionStore } = await import('./session.ts');
  const { api } = await import('./client.ts');
  return { sessionStore, api };
};

beforeEach(() => {
  calls = [];
  localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('session handling', () => {
  it('keeps the access token out of storage; storage says only who is signed in', async () => {
    const { sessionStore } = await load();
    sessionStore.set(session('access-1'));
    expect(sessionStore.get()?.accessToken).toBe('access-1');
    const stored = localStorage.getItem('bunkai.session') ?? '';
    expect(stored).not.toContain('access-1');
    expect(JSON.parse(stored)).toEqual({ user, organization });
  });

  it('after a reload, renews the access token from the cookie before the first request', async () => {
    (await load()).sessionStore.set(session('old'));
    const { sessionStore, api } = await load();
    expect(sessionStore.get()).toMatchObject({ accessToken: null, user: { id: 'u1' } });
    serve({ valid: 'fresh' });
    await expect(api.get('/api/v1/engagements')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/session/refresh', '/api/v1/engagements']);
    expect(calls[1]!.auth).toBe('Bearer fresh');
    expect(localStorage.getItem('bunkai.session')).not.toContain('fresh');
  });

  it('drops tokens an older version left in storage', async () => {
    localStorage.setItem('bunkai.session', JSON.stringify({ ...session('stale'), refreshToken: 'stale-refresh' }));
    const { sessionStore } = await load();
    expect(sessionStore.get()?.accessToken).toBeNull();
    expect(localStorage.getItem('bunkai.session')).not.toMatch(/stale/);
  });

  it('renews once on invalid_token and retries; a refused renewal signs out', async () => {
    const { sessionStore, api } = await load();
    sessionStore.set(session('expired'));
    serve({ valid: 'renewed' });
    await expect(api.get('/api/v1/x')).resolves.toEqual({ ok: true });
    expect(sessionStore.get()?.accessToken).toBe('renewed');
    sessionStore.set(session('expired'));
    serve({ valid: 'never', refreshStatus: 401 });
    await expect(api.get('/api/v1/x')).rejects.toMatchObject({ status: 401 });
    expect(sessionStore.get()).toBeNull();
    expect(localStorage.getItem('bunkai.session')).toBeNull();
  });
});
