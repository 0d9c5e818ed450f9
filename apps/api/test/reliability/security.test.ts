import { createHmac, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSession } from '@bunkai/domain';
import { createFactories, refreshCookieFrom } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * Security headers (helmet), CORS, login rate limits, JWT algorithm pinning
 * and refresh-token reuse detection, against the real app.
 */
let t: TestApp;
let cors: TestApp;
let f: ReturnType<typeof createFactories>;
const SECRET = 'test-secret-test-secret-test-secret-0123';

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '600' });
  cors = await createTestApp({ CORS_ORIGINS: 'https://app.hospital.example,https://admin.hospital.example' });
  f = createFactories(t.app);
});
afterAll(async () => {
  await t.close();
  await cors.close();
});

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const claimsOf = (s: TSession) => JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const me = (app: TestApp, token: string) => app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
const expectEnvelope = (body: unknown, code: string) => expect(body).toMatchObject({ error: { code, message: expect.any(String) }, requestId: expect.any(String) });

describe('security headers', () => {
  it('sends helmet headers and a restrictive CSP on API and error responses', async () => {
    for (const url of ['/api/health', '/api/v1/nope', '/api/v1/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  const preflight = (app: TestApp, origin: string) =>
    app.app.inject({ method: 'OPTIONS', url: '/api/v1/auth/login', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('gives foreign origins no CORS grant by default (same-origin only)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(t, 'https://evil.example');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('allows exactly the configured origins, never a wildcard or credentials', async () => {
    const ok = await cors.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://app.hospital.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.hospital.example');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const pre = await preflight(cors, 'https://admin.hospital.example');
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://admin.hospital.example');
    for (const origin of ['https://evil.example', 'https://app.hospital.example.evil.example', 'null']) {
      const res = await cors.app.inject({ method: 'GET', url: '/api/health', headers: { origin } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('login rate limits', () => {
  it('locks an account after LOGIN_MAX_ATTEMPTS failures with 429 rate_limited, even for the right password', async () => {
    const m = await f.registerOrganization();
    for (let i = 0; i < 3; i++) expect((await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: 'wrong password!' })).status).toBe(401);
    const locked = await f.anonymous.post('/api/v1/auth/login', { email: m.email.toUpperCase(), password: m.password });
    expect(locked.status).toBe(429);
    expectEnvelope(locked.body, 'rate_limited');
  });

  it('limits one client address across many accounts, and a spoofed X-Forwarded-For does not reset it', async () => {
    // A direct client (public address): its own X-Forwarded-For must not pick the address the limit is counted on.
    const attempt = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': `198.51.100.${n}` },
        payload: { email: `nobody-${n}@example.test`, password: 'guess guess' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await attempt(i)).statusCode);
    // 3 attempts per account × 5 per address: the 16th attempt from one address is refused.
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    expect(statuses[15]).toBe(429);
  });
});

describe('JWT algorithm pinning', () => {
  let session: TSession;
  beforeAll(async () => {
    session = (await f.registerOrganization()).session;
  });
  const forge = (header: Record<string, unknown>, claims: Record<string, unknown>, signer: (input: string) => string) => {
    const input = `${b64(header)}.${b64(claims)}`;
    return `${input}.${signer(input)}`;
  };

  it('accepts its own HS256 token and refuses alg none, HS512, RS256 and key-confusion tokens', async () => {
    expect((await me(t, session.accessToken)).statusCode).toBe(200);
    const claims = claimsOf(session);
    const hmac = (alg: 'sha256' | 'sha512', key: string | Buffer) => (input: string) => createHmac(alg, key).update(input).digest('base64url');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const tokens = {
      none: forge({ alg: 'none', typ: 'JWT' }, claims, () => ''),
      noneUpper: forge({ alg: 'NONE', typ: 'JWT' }, claims, () => ''),
      hs512: forge({ alg: 'HS512', typ: 'JWT' }, claims, hmac('sha512', SECRET)),
      rs256: forge({ alg: 'RS256', typ: 'JWT' }, claims, (input) => rsaSign('sha256', Buffer.from(input), privateKey).toString('base64url')),
      // Key confusion: an HS256 token whose HMAC key is a public key the attacker knows.
      confused: forge({ alg: 'HS256', typ: 'JWT' }, claims, hmac('sha256', pem)),
      wrongSecret: forge({ alg: 'HS256', typ: 'JWT' }, claims, hmac('sha256', 'another-secret-another-secret-0123456789')),
      expired: forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, hmac('sha256', SECRET)),
      notAccess: forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh' }, hmac('sha256', SECRET)),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await me(t, token);
      expect(res.statusCode, name).toBe(401);
      expect(res.json().error.code, name).toMatch(/^(invalid_token|missing_token)$/);
    }
    // The control: the same claims signed HS256 with the real secret are accepted.
    expect((await me(t, forge({ alg: 'HS256', typ: 'JWT' }, claims, hmac('sha256', SECRET)))).statusCode).toBe(200);
  });

  it('answers a malformed Authorization header with 401 and the envelope', async () => {
    for (const header of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(5000)}`, 'Bearer a.b.c']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: header } });
      expect(res.statusCode).toBe(401);
      expectEnvelope(res.json(), res.json().error.code);
    }
  });
});

describe('refresh tokens', () => {
  const renew = (refreshToken: string) => f.anonymous.post<TSession>('/api/v1/auth/session/refresh', {}, { cookie: `bunkai_refresh=${refreshToken}` });

  it('rotates on use; reusing a rotated token revokes the whole family', async () => {
    const m = await f.registerOrganization();
    const first = m.refreshToken;
    const rotated = await renew(first);
    expect(rotated.status).toBe(200);
    const second = refreshCookieFrom(rotated.headers);
    expect(second).not.toBe(first);
    const reuse = await renew(first);
    expect(reuse.status).toBe(401);
    expectEnvelope(reuse.body, 'refresh_token_reused');
    // The thief's copy and the victim's current token are both dead now — and so is the access token.
    const afterReuse = await renew(second);
    expect(afterReuse.status).toBe(401);
    expect((await me(t, rotated.body.accessToken)).statusCode).toBe(401);
  });

  it('two concurrent refreshes with one token: at most one succeeds', async () => {
    const m = await f.registerOrganization();
    const results = await Promise.all([0, 1, 2].map(() => renew(m.refreshToken)));
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.status).toBe(401);
  });
});
