import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { sleep, waitFor } from '../jobs/wait.ts';
import { type SmtpReceiver, startSmtp } from '../mail/smtp-receiver.ts';

/**
 * セキュリティ通知 over a real SMTP server: every use of a recovery code and every replacement of
 * the authenticator is mailed to the account's owner; a refused attempt mails nothing.
 */
const clock = manualClock('2026-12-03T09:00:05Z');
let smtp: SmtpReceiver;
let t: TestApp;
let f: ReturnType<typeof createSignoffFactories>;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Bunkai <noreply@bunkai.test>', JOBS_POLL_MS: '20', PUBLIC_URL: 'https://bunkai.example.jp' }, { clock });
  f = createSignoffFactories(t.app, clock);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const to = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
const noticesTo = (email: string) => smtp.messages.filter((m) => to(m) === email && m.subject === '【Bunkai】アカウントのセキュリティ通知');
const nthNotice = (email: string, n: number) => waitFor(`security notice #${n} to ${email}`, () => noticesTo(email)[n - 1]);

const twoFactor = async (m: { http: ReturnType<typeof createHttpClient> }) => {
  const { secret } = (await m.http.post<{ secret: string }>('/api/v1/auth/totp/enroll')).body;
  const verified = await m.http.post<{ recoveryCodes: string[] }>('/api/v1/auth/totp/verify', { code: generateTotp(secret, clock.now().getTime()) });
  expect(verified.status).toBe(200);
  clock.advance(30_000);
  return verified.body.recoveryCodes;
};

describe('security notices (セキュリティ通知)', () => {
  it('mails the owner when a recovery code signs in or signs a revision, and not when the attempt is refused', async () => {
    const w = await f.signoffWorld();
    // The signatory already signs with TOTP; it takes a fresh set of recovery codes.
    const codes = (await w.vendor.http.post<{ codes: string[] }>('/api/v1/auth/recovery-codes', { password: w.vendor.password })).body.codes;
    const refused = await f.anonymous.post('/api/v1/auth/login', { email: w.vendor.email, password: 'not the password', recoveryCode: codes[0] });
    expect(refused.status).toBe(401);
    const signIn = await f.anonymous.post('/api/v1/auth/login', { email: w.vendor.email, password: w.vendor.password, recoveryCode: codes[0] });
    expect(signIn.status).toBe(200);
    const first = await nthNotice(w.vendor.email, 1);
    expect(first.text).toContain('回復コードを使ってログインしました。');
    expect(first.text).toContain('2026-12-03 18:00 (JST)');
    expect(first.text).toContain('https://bunkai.example.jp/account');

    const revision = await f.freeze(w.owner, w.eid);
    const url = `/api/v1/revisions/${revision.id}/signatures`;
    const wrong = await w.vendor.http.post(url, { partyId: w.vendorPartyId, password: 'not the password', recoveryCode: codes[1] });
    expect(wrong.status).toBe(401);
    const signed = await w.vendor.http.post(url, { partyId: w.vendorPartyId, password: w.vendor.password, recoveryCode: codes[1] });
    expect(signed.status).toBe(201);
    expect((await nthNotice(w.vendor.email, 2)).text).toContain('回復コードを使って版に署名しました。');
    // The two refusals mailed nothing: after the jobs ran, exactly two notices.
    await sleep(300);
    expect(noticesTo(w.vendor.email)).toHaveLength(2);
  });

  it('mails the start of an authenticator reset and its replacement', async () => {
    const m = await f.registerOrganization();
    const codes = await twoFactor(m);
    const reset = await f.anonymous.post<{ accessToken: string; enrollment: { secret: string } }>('/api/v1/auth/totp/reset', { email: m.email, password: m.password, recoveryCode: codes[0] });
    expect(reset.status).toBe(200);
    expect((await nthNotice(m.email, 1)).text).toContain('認証アプリの再設定が始まりました。');
    const session = createHttpClient(t.app, reset.body.accessToken);
    const confirmed = await session.post('/api/v1/auth/totp/verify', { code: generateTotp(reset.body.enrollment.secret, clock.now().getTime()) });
    expect(confirmed.status).toBe(200);
    expect((await nthNotice(m.email, 2)).text).toContain('認証アプリが新しいものに置き換えられ');
    await sleep(300);
    expect(noticesTo(m.email)).toHaveLength(2);
  });
});
