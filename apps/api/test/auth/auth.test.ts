import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactories, refreshCookieFrom } from '../../src/seed/factories.ts';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: ReturnType<typeof createFactories>;
// The app's clock: TOTP steps and token expiry follow it, so tests move time instead of waiting.
const clock = manualClock('2026-12-03T09:00:05Z');

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3' }, { clock });
  f = createFactories(t.app);
});
afterAll(() => t.close());

/** Renews a session the way a browser does: the refresh token travels in its cookie. */
const renew = (refreshToken: string) => f.anonymous.post('/api/v1/auth/session/refresh', {}, { cookie: `bunkai_refresh=${refreshToken}` });

describe('accounts', () => {
  it('registers an organization with its first admin and signs in', async () => {
    const m = await f.registerOrganization({ name: 'デモ総合病院', kind: 'hospital', email: 'Lead@Hospital.test' });
    expect(m.session.user).toMatchObject({ email: 'lead@hospital.test', orgRole: 'admin', totpEnabled: false });
    expect(m.session.organization).toMatchObject({ name: 'デモ総合病院', kind: 'hospital' });
    const me = await m.http.get<{ user: { id: string } }>('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(m.session.user.id);
    const again = await f.login('lead@hospital.test', m.password);
    expect(again.session.accessToken).toBeTruthy();
  });

  it('rejects bad bodies with 400 and a code, and duplicate e-mails with 409', async () => {
    const short = await f.anonymous.post('/api/v1/auth/register', { organization: { name: 'x', kind: 'vendor' }, user: { email: 'a@b.test', displayName: 'a', password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { code: 'invalid_request' } });
    const m = await f.registerOrganization();
    const dup = await f.anonymous.post('/api/v1/auth/register', { organization: { name: 'y', kind: 'vendor' }, user: { email: m.email, displayName: 'b', password: 'long enough password' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('refuses wrong passwords and rate-limits an account after repeated failures', async () => {
    const m = await f.registerOrganization();
    for (let i = 0; i < 3; i++) {
      const r = await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: 'wrong password!' });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    }
    const limited = await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password });
    expect(limited.status).toBe(429);
  });

  it('rotates refresh tokens and revokes the family when a rotated token is reused', async () => {
    const m = await f.registerOrganization();
    const first = await renew(m.refreshToken);
    expect(first.status).toBe(200);
    const reuse = await renew(m.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ error: { code: 'refresh_token_reused' } });
    // The descendant token was revoked with its family.
    const next = await renew(refreshCookieFrom(first.headers));
    expect(next.status).toBe(401);
  });

  it('refuses a refresh token once it has expired (by the app clock)', async () => {
    const m = await f.registerOrganization();
    clock.advance(t.config.refreshTokenTtlDays * 86_400_000 + 1000);
    const expired = await renew(m.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'invalid_refresh_token' } });
  });

  it('logout revokes the refresh token', async () => {
    const m = await f.registerOrganization();
    expect((await f.anonymous.post('/api/v1/auth/session/logout', {}, { cookie: `bunkai_refresh=${m.refreshToken}` })).status).toBe(204);
    expect((await renew(m.refreshToken)).status).toBe(401);
  });

  it('enrolls TOTP, then login asks for the code and refuses a replayed one', async () => {
    const m = await f.registerOrganization();
    const enroll = await m.http.post<{ secret: string; otpauthUri: string }>('/api/v1/auth/totp/enroll');
    expect(enroll.status).toBe(200);
    expect(enroll.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await m.http.post('/api/v1/auth/totp/verify', { code: '000000' })).status).toBe(400);
    const verified = await m.http.post<{ user: { totpEnabled: boolean } }>('/api/v1/auth/totp/verify', { code: generateTotp(enroll.body.secret, clock.now().getTime()) });
    expect(verified.status).toBe(200);
    expect(verified.body.user.totpEnabled).toBe(true);
    const noCode = await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password });
    expect(noCode.body).toMatchObject({ error: { code: 'totp_required' } });
    // The enrollment code's step is spent; the next step (30 s on) signs in, once.
    const spent = await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password, totp: generateTotp(enroll.body.secret, clock.now().getTime()) });
    expect(spent.body).toMatchObject({ error: { code: 'invalid_totp' } });
    clock.advance(30_000);
    const code = generateTotp(enroll.body.secret, clock.now().getTime());
    expect((await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password, totp: code })).status).toBe(200);
    const replay = await f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password, totp: code });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'invalid_totp' } });
  });

  it('refuses tokens signed with another algorithm or secret, and missing tokens', async () => {
    expect((await f.anonymous.get('/api/v1/auth/me')).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const m = await f.registerOrganization();
    const payload = m.session.accessToken.split('.')[1];
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${header}.${payload}.` } });
    expect(none.statusCode).toBe(401);
    const forged = m.session.accessToken.slice(0, -4) + 'AAAA';
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${forged}` } })).statusCode).toBe(401);
  });

  it('lets an admin add members, and refuses members adding users', async () => {
    const admin = await f.registerOrganization();
    const member = await f.addMember(admin);
    expect(member.session.user.orgRole).toBe('member');
    const denied = await member.http.post('/api/v1/organization/users', { email: 'x@y.test', displayName: 'x', password: 'long enough password' });
    expect(denied.status).toBe(403);
    const list = await admin.http.get<{ users: unknown[] }>('/api/v1/organization/users');
    expect(list.body.users).toHaveLength(2);
  });
});

describe('platform', () => {
  it('reports health with the database engine', async () => {
    const r = await f.anonymous.get<{ status: string; database: { engine: string } }>('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: { engine: t.database.engine, reachable: true } });
  });

  it('serves OpenAPI and answers unknown routes with the error envelope', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().paths['/api/v1/auth/login']).toBeDefined();
    const missing = await f.anonymous.get('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'route_not_found' }, requestId: expect.any(String) });
  });
});
