/**
 * メンバー招待 in the browser: an organization admin invites a person by e-mail from the account
 * page; the person opens the link from the message a real SMTP server received (smtp-server), sets
 * a password and is signed in; then signs in again with it. The token travels in the link's
 * fragment, so the server never sees it in a request path.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpReceiver, startSmtp } from '../../api/test/mail/smtp-receiver.ts';
import { call } from './api.ts';
import { currentStep, totpAt } from './totp.ts';
import { seriousViolations } from './axe.ts';
import { resolve } from 'node:path';
import { WEB_DIR, buildWeb, launchBrowser, newContext, shot, startStack, type Stack } from './harness.ts';

const IMAGES = resolve(WEB_DIR, '../../docs/images');
const setLang = (p: Page, lang: 'ja' | 'en') => p.evaluate((l) => localStorage.setItem('bunkai.locale', l), lang);
/** The screen at 1366×768 and 1920×1080 into docs/images (looked at before committing). */
const shots = async (p: Page, name: string, lang: 'ja' | 'en') => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await p.setViewportSize({ width, height });
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(300);
    await p.screenshot({ path: resolve(IMAGES, `web-v2-${name}-${lang}-${width}.png`), animations: 'disabled', caret: 'hide' });
  }
  await p.setViewportSize({ width: 1366, height: 768 });
};

let smtp: SmtpReceiver;
let stack: Stack;
let browser: Browser;
const seenPaths: string[] = [];
/** The joined member's signed-in page, for the second journey. */
let memberPage: Page;

beforeAll(async () => {
  await buildWeb();
  smtp = await startSmtp();
  stack = await startStack({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Bunkai <noreply@bunkai.test>', JOBS_POLL_MS: '50' } });
  // Every request line the HTTP server receives, as an access log would record it.
  stack.app.server.on('request', (req: { url?: string }) => void seenPaths.push(req.url ?? ''));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await smtp?.close();
});

const ADMIN = { email: 'admin@minato-hp.example.jp', password: 'admin password 123' };
const INVITEE = 'nurse.sato@minato-hp.example.jp';
const PASSWORD = 'sato no password 1';

const signIn = async (page: Page, email: string, password: string) => {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(`${stack.url}/`);
};

const waitForMail = async (to: string): Promise<SmtpReceiver['messages'][number]> => {
  const until = Date.now() + 20_000;
  for (;;) {
    const m = smtp.messages.find((x) => (x.to && !Array.isArray(x.to) ? x.to.text : '') === to);
    if (m) return m;
    if (Date.now() > until) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.sequential('member invitation journey', () => {
  it('the admin invites by e-mail; the member opens the mailed link, sets a password and signs in', async () => {
    await call(stack.url, null, 'POST', '/api/v1/auth/register', { organization: { name: '市立みなと病院', kind: 'hospital' }, user: { ...ADMIN, displayName: '情報システム課 山田' } });
    const adminPage = await (await newContext(browser)).newPage();
    await signIn(adminPage, ADMIN.email, ADMIN.password);
    await adminPage.goto(`${stack.url}/account`);
    await adminPage.getByRole('heading', { name: 'メールで招待' }).waitFor();
    // The old way (the admin types the member's password) is gone from the screen.
    expect(await adminPage.getByLabel('パスワード').count()).toBe(0);
    await adminPage.getByLabel('メールアドレス').fill(INVITEE);
    await adminPage.getByRole('button', { name: '招待メールを送る' }).click();
    await adminPage.getByTestId('member-invitation').filter({ hasText: INVITEE }).getByText('承諾待ち').waitFor();
    await shot(adminPage, 'members-01-invited');
    await adminPage.getByRole('heading', { name: 'メールで招待' }).scrollIntoViewIfNeeded();
    await shots(adminPage, 'member-invite', 'ja');
    await setLang(adminPage, 'en');
    await adminPage.reload();
    await adminPage.getByRole('heading', { name: 'Invite by e-mail' }).scrollIntoViewIfNeeded();
    await shots(adminPage, 'member-invite', 'en');
    await setLang(adminPage, 'ja');

    const mail = await waitForMail(INVITEE);
    expect(mail.subject).toBe('【Bunkai】市立みなと病院 へのメンバー招待');
    const link = new URL(/(http\S+\/join#token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!);
    // PUBLIC_URL is not known before the stack listens on its ephemeral port: the same path and fragment on the stack.
    memberPage = await (await newContext(browser)).newPage();
    await memberPage.goto(`${stack.url}${link.pathname}${link.hash}`);
    await memberPage.getByTestId('join-email').getByText(INVITEE).waitFor();
    expect(await seriousViolations(memberPage)).toEqual([]);
    await shot(memberPage, 'members-02-join');
    await shots(memberPage, 'member-join', 'ja');
    const english = await (await newContext(browser)).newPage();
    await english.goto(`${stack.url}/sign-in`);
    await setLang(english, 'en');
    await english.goto(`${stack.url}${link.pathname}${link.hash}`);
    await english.getByRole('heading', { name: 'Join your organization' }).waitFor();
    await shots(english, 'member-join', 'en');
    await memberPage.getByLabel('氏名').fill('看護部 佐藤');
    await memberPage.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await memberPage.getByLabel('パスワード（確認）').fill(PASSWORD);
    await memberPage.getByRole('button', { name: 'パスワードを設定して参加する' }).click();
    await memberPage.waitForURL(`${stack.url}/account`);
    await memberPage.getByText('看護部 佐藤').first().waitFor();

    // The token never reached the server in a path: only in POST bodies.
    const token = link.hash.replace('#token=', '');
    expect(seenPaths).toContain('/join');
    expect(seenPaths.some((p) => p.includes(token))).toBe(false);

    // A second use of the link is refused with a clear message.
    const again = await (await newContext(browser)).newPage();
    await again.goto(`${stack.url}${link.pathname}${link.hash}`);
    await again.getByText('この招待はすでに使われています。').waitFor();

    // Signing in with the password the member chose.
    const fresh = await (await newContext(browser)).newPage();
    await signIn(fresh, INVITEE, PASSWORD);
    await adminPage.reload();
    await adminPage.getByText('看護部 佐藤').first().waitFor();
    // The admin's account audit log shows the invitation and the joining.
    const log = adminPage.getByTestId('account-events');
    await log.getByText('メンバーが参加').waitFor();
    await log.getByText('メンバーを招待').waitFor();
  });

  it('the member sets up TOTP, loses the authenticator, and replaces it with the password and one recovery code', async () => {
    await memberPage.getByRole('button', { name: '設定をはじめる' }).click();
    const oldSecret = await memberPage.getByTestId('totp-secret').inputValue();
    await memberPage.getByLabel('確認コード（6桁）').fill(totpAt(oldSecret, currentStep()));
    await memberPage.getByRole('button', { name: 'コードを確認して有効にする' }).click();
    const codes = await memberPage.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(codes).toHaveLength(10);

    // Phone lost: at the TOTP prompt, "use a recovery code", then "set up a new authenticator".
    const p = await (await newContext(browser)).newPage();
    await p.goto(`${stack.url}/sign-in`);
    await p.getByLabel('メールアドレス').fill(INVITEE);
    await p.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'ログイン', exact: true }).click();
    await p.getByRole('button', { name: '認証アプリを使えない場合は回復コードを使う' }).click();
    await p.getByRole('link', { name: /認証アプリを再設定する/ }).click();
    await p.waitForURL(/\/totp-reset/);
    expect(await p.getByLabel('メールアドレス').inputValue()).toBe(INVITEE);
    await shots(p, 'totp-reset', 'ja');
    const english = await (await newContext(browser)).newPage();
    await english.goto(`${stack.url}/sign-in`);
    await setLang(english, 'en');
    await english.goto(`${stack.url}/totp-reset?email=${encodeURIComponent(INVITEE)}`);
    await english.getByRole('heading', { name: 'Replace your authenticator' }).waitFor();
    await shots(english, 'totp-reset', 'en');
    await p.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await p.getByLabel('回復コード').fill(codes[0]!);
    await p.getByRole('button', { name: '本人確認して再設定をはじめる' }).click();
    await p.getByTestId('totp-qr').waitFor();
    await shots(p, 'totp-reset-scan', 'ja');
    const newSecret = await p.getByTestId('totp-secret').inputValue();
    expect(newSecret).not.toBe(oldSecret);
    await p.getByLabel('確認コード（6桁）').fill(totpAt(newSecret, currentStep()));
    await p.getByRole('button', { name: 'コードを確認して有効にする' }).click();
    const fresh = await p.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[1]);
    await p.getByRole('button', { name: '続ける' }).click();
    await p.waitForURL(`${stack.url}/`);

    // The old codes are gone: a second reset with one of them is refused.
    const refused = await fetch(`${stack.url}/api/v1/auth/totp/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: INVITEE, password: PASSWORD, recoveryCode: codes[1] }),
    });
    expect(refused.status).toBe(401);
  });
});
