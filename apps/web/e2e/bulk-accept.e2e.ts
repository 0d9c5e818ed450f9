/**
 * Issue 15 in the browser, on the demo data: the EHR vendor signs in, sees in the header how
 * much waits for it, accepts every proposal waiting for its consent with one bulk accept
 * (一括承諾) from the matrix, and its inbox count goes to zero. Then the development mailbox
 * shows the demo's invitation e-mail, and the hospital's owner is refused a loopback webhook.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInboxResponse } from '@bunkai/domain';
import { DEMO_PASSWORD, DEMO_USERS } from '../../api/src/seed/demo-seed.ts';
import { call, sessionOf } from './api.ts';
import { buildWeb, launchBrowser, newContext, shot, startStack, type Stack } from './harness.ts';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({ seedDemo: true });
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  page.on('pageerror', (e) => console.error(`[ehr] page error: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const headerCount = async () => Number(await page.getByTestId('inbox-count').textContent());

describe.sequential('bulk accept journey', () => {
  it('the demo EHR vendor bulk-accepts its waiting proposals and its inbox count goes to zero', async () => {
    await page.goto(`${stack.url}/sign-in`);
    await page.getByLabel('メールアドレス').fill(DEMO_USERS.ehr.email);
    await page.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.waitForURL(`${stack.url}/`);

    const { accessToken } = await sessionOf(page);
    const before = await call<TInboxResponse>(stack.url, accessToken, 'GET', '/api/v1/me/inbox');
    expect(before.byKind.consent).toBeGreaterThan(0);
    await page.getByTestId('inbox-count').waitFor();
    expect(await headerCount()).toBe(before.total);
    expect(Number(await page.getByTestId('eng-waiting').locator('.stat-value').textContent())).toBe(before.total);

    // the inbox page links each item to its cell
    await page.getByTestId('inbox-link').click();
    await page.getByRole('heading', { name: '受信箱', level: 1 }).waitFor();
    // The header reads counts only; the page loads its own first page of items.
    await page.getByText('承諾待ち', { exact: true }).first().waitFor();
    expect(await page.getByText('承諾待ち', { exact: true }).count()).toBe(before.byKind.consent);
    await shot(page, 'issue15-01-inbox');

    const engagementId = before.engagements[0]!.engagementId;
    await page.goto(`${stack.url}/engagements/${engagementId}/matrix`);
    const bulk = page.getByRole('button', { name: `承諾待ちをすべて承諾（${before.byKind.consent}件）` });
    await bulk.click();
    await page.getByRole('button', { name: `${before.byKind.consent}件を承諾する` }).click();
    const result = page.getByTestId('bulk-accept-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('承諾できず 0 件');
    await shot(page, 'issue15-02-bulk-accept');
    await page.getByRole('dialog').getByRole('button', { name: '閉じる' }).first().click();

    // nothing waits any more: the header count follows without a reload
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-count"]')?.textContent === '0', undefined, { timeout: 20_000 });
    const after = await call<TInboxResponse>(stack.url, accessToken, 'GET', '/api/v1/me/inbox');
    expect(after.total).toBe(0);
    expect(await bulk.count()).toBe(0);
    await page.getByTestId('inbox-link').click();
    await page.getByText('対応待ちはありません。').waitFor();
    await shot(page, 'issue15-03-inbox-empty');
  });

  it('keeps the e-mails of the embedded demo (no SMTP) in the development mailbox', async () => {
    await page.goto(`${stack.url}/dev/mailbox?to=${encodeURIComponent(DEMO_USERS.ehr.email)}`);
    const mail = page.getByTestId('mail').filter({ hasText: '【Bunkai】' }).filter({ hasText: 'への招待' }).first();
    await mail.waitFor();
    expect(await mail.getByRole('link', { name: /\/invitations#token=/ }).count()).toBeGreaterThan(0);
    await shot(page, 'issue15-04-dev-mailbox');
  });

  it('refuses the owner a webhook to a loopback address, and accepts none silently', async () => {
    const ctx = await newContext(browser);
    const hospital = await ctx.newPage();
    await hospital.goto(`${stack.url}/sign-in`);
    await hospital.getByLabel('メールアドレス').fill(DEMO_USERS.hospital.email);
    await hospital.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
    await hospital.getByRole('button', { name: 'ログイン', exact: true }).click();
    await hospital.waitForURL(`${stack.url}/`);
    const { accessToken } = await sessionOf(hospital);
    const { engagements } = await call<{ engagements: { id: string }[] }>(stack.url, accessToken, 'GET', '/api/v1/engagements');
    await hospital.goto(`${stack.url}/engagements/${engagements[0]!.id}`);
    await hospital.getByRole('heading', { name: '督促（リマインダー）' }).scrollIntoViewIfNeeded();
    await shot(hospital, 'issue15-05-owner-settings');
    await hospital.getByLabel('送信先 URL').fill('http://127.0.0.1:8080/hook');
    await hospital.getByRole('button', { name: 'Webhook を追加' }).click();
    await hospital.getByRole('alert').filter({ hasText: 'この送信先には送れません' }).waitFor();
    await shot(hospital, 'issue15-06-webhook-refused');
    expect(await hospital.getByTestId('webhook').count()).toBe(0);
    await ctx.close();
  });
});
