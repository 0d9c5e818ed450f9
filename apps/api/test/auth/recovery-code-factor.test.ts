import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signatures } from '@bunkai/db';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import type { Member } from '../../src/seed/factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * Recovery codes where TOTP is asked (decision 0014): signing a revision, and resetting a lost
 * authenticator. Each code is spent once, atomically, and every use is in the account audit log.
 */
const clock = manualClock('2026-12-03T09:00:05Z');
let t: TestApp;
let f: ReturnType<typeof createSignoffFactories>;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  f = createSignoffFactories(t.app, clock);
});
afterAll(() => t.close());

const codesOf = async (m: Member) => {
  const res = await m.http.post<{ codes: string[] }>('/api/v1/auth/recovery-codes', { password: m.password });
  expect(res.status).toBe(200);
  return res.body.codes;
};
const eventsOf = async (admin: Member) => (await admin.http.get<{ events: { type: string; payload: Record<string, unknown>; subjectUserId: string }[] }>('/api/v1/organization/events')).body.events;
const login = (m: Member, extra: object) => f.anonymous.post('/api/v1/auth/login', { email: m.email, password: m.password, ...extra });

/** A new account with TOTP turned on: its secret and first recovery codes. */
const twoFactorAccount = async () => {
  const m = await f.registerOrganization();
  const { secret } = (await m.http.post<{ secret: string }>('/api/v1/auth/totp/enroll')).body;
  const verified = await m.http.post<{ recoveryCodes: string[] }>('/api/v1/auth/totp/verify', { code: generateTotp(secret, clock.now().getTime()) });
  expect(verified.status).toBe(200);
  clock.advance(30_000);
  return { m, secret, codes: verified.body.recoveryCodes };
};

describe('signing with a recovery code instead of the authenticator code', () => {
  it('signs once per code, records the factor on the signature and in the account audit log', async () => {
    const w = await f.signoffWorld();
    const revision = await f.freeze(w.owner, w.eid);
    const codes = await codesOf(w.vendor);
    const url = `/api/v1/revisions/${revision.id}/signatures`;
    const otherAccount = await twoFactorAccount();
    const foreign = await w.vendor.http.post(url, { partyId: w.vendorPartyId, password: w.vendor.password, recoveryCode: otherAccount.codes[0] });
    expect(foreign.status).toBe(401);
    expect(foreign.body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    const wrongPassword = await w.vendor.http.post(url, { partyId: w.vendorPartyId, password: 'not my password', recoveryCode: codes[0] });
    expect(wrongPassword.body).toMatchObject({ error: { code: 'invalid_password' } });
    const signed = await w.vendor.http.post<{ signature: { id: string } }>(url, { partyId: w.vendorPartyId, password: w.vendor.password, recoveryCode: codes[0] });
    expect(signed.status).toBe(201);
    const [row] = await t.database.db.select().from(signatures).where(eq(signatures.id, signed.body.signature.id));
    expect(row!.authentication).toBe('password+recovery_code');
    expect((await w.vendor.http.get<{ remaining: number }>('/api/v1/auth/recovery-codes')).body.remaining).toBe(9);
    // The spent code is gone for sign-in too.
    expect((await login(w.vendor, { recoveryCode: codes[0] })).body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    const events = await eventsOf(w.vendor);
    expect(events[0]).toMatchObject({ type: 'recovery_code.used', payload: { purpose: 'signing' }, subjectUserId: w.vendor.session.user.id });
  });

  it('a spent code does not sign (401 invalid_recovery_code), and one code used at once for signing and sign-ins works exactly once', async () => {
    const w = await f.signoffWorld();
    const revision = await f.freeze(w.owner, w.eid);
    const codes = await codesOf(w.owner);
    expect((await login(w.owner, { recoveryCode: codes[0] })).status).toBe(200);
    const url = `/api/v1/revisions/${revision.id}/signatures`;
    const reused = await w.owner.http.post(url, { partyId: w.hospitalPartyId, password: w.owner.password, recoveryCode: codes[0] });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ error: { code: 'invalid_recovery_code' } });

    const code = codes[1];
    const results = await Promise.all([
      w.owner.http.post(url, { partyId: w.hospitalPartyId, password: w.owner.password, recoveryCode: code }),
      ...Array.from({ length: 4 }, () => login(w.owner, { recoveryCode: code })),
    ]);
    const ok = results.filter((r) => r.status === 200 || r.status === 201);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => !ok.includes(x))) expect(r.body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    const uses = (await eventsOf(w.owner)).filter((e) => e.type === 'recovery_code.used');
    expect(uses).toHaveLength(2);
    expect((await w.owner.http.get<{ remaining: number }>('/api/v1/auth/recovery-codes')).body.remaining).toBe(8);
  });
});

describe('TOTP reset with password and a recovery code', () => {
  it('signs in, starts a new authenticator; the old one works until the new one is confirmed, then the old secret and codes stop working', async () => {
    const { m, secret: oldSecret, codes } = await twoFactorAccount();
    const reset = await f.anonymous.post<{ accessToken: string; enrollment: { secret: string; otpauthUri: string } }>('/api/v1/auth/totp/reset', {
      email: m.email,
      password: m.password,
      recoveryCode: codes[0],
    });
    expect(reset.status).toBe(200);
    const { secret: newSecret, otpauthUri } = reset.body.enrollment;
    expect(newSecret).not.toBe(oldSecret);
    expect(otpauthUri).toContain(`secret=${newSecret}`);
    // Until confirmed, the old authenticator still signs in.
    expect((await login(m, { totp: generateTotp(oldSecret, clock.now().getTime()) })).status).toBe(200);
    clock.advance(30_000);
    const session = createHttpClient(t.app, reset.body.accessToken);
    expect((await session.post('/api/v1/auth/totp/verify', { code: '000000' })).status).toBe(400);
    const confirmed = await session.post<{ recoveryCodes: string[]; user: { totpEnabled: boolean } }>('/api/v1/auth/totp/verify', { code: generateTotp(newSecret, clock.now().getTime()) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.totpEnabled).toBe(true);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    clock.advance(30_000);
    expect((await login(m, { totp: generateTotp(oldSecret, clock.now().getTime()) })).body).toMatchObject({ error: { code: 'invalid_totp' } });
    expect((await login(m, { recoveryCode: codes[1] })).body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    expect((await login(m, { totp: generateTotp(newSecret, clock.now().getTime()) })).status).toBe(200);
    expect((await login(m, { recoveryCode: confirmed.body.recoveryCodes[0] })).status).toBe(200);
    const types = (await eventsOf(m)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['totp.replaced', 'totp.reset_started', 'recovery_code.used']));
    expect((await eventsOf(m)).find((e) => e.type === 'recovery_code.used' && e.payload.purpose === 'totp_reset')).toBeTruthy();
  });

  it('refuses a wrong password (the code is not spent), a reused code, and an account without two-factor', async () => {
    const { m, codes } = await twoFactorAccount();
    const reset = (body: object) => f.anonymous.post('/api/v1/auth/totp/reset', { email: m.email, password: m.password, ...body });
    expect((await reset({ password: 'wrong password!', recoveryCode: codes[0] })).body).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect((await reset({ recoveryCode: codes[0] })).status).toBe(200);
    expect((await reset({ recoveryCode: codes[0] })).body).toMatchObject({ error: { code: 'invalid_recovery_code' } });
    expect((await reset({ recoveryCode: 'nope' })).status).toBe(400);
    const plain = await f.registerOrganization();
    const refused = await f.anonymous.post('/api/v1/auth/totp/reset', { email: plain.email, password: plain.password, recoveryCode: codes[1] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'totp_not_enabled' } });
    // Another organization's admin does not see these events.
    const other = await f.registerOrganization();
    expect((await eventsOf(other)).length).toBe(0);
  });
});
