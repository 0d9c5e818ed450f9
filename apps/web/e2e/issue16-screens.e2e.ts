/**
 * Issue 16, second part, in Debian's Chromium on the demo data: the 409 shown where the user is and the grid
 * refreshed (bug 3), focus and Esc around the cell panel (bug 5), the kickoff review's save button on a
 * 1366×768 screen, the duties screen with Excel in/out, and two-factor set-up with a QR code and recovery codes.
 * Screenshots of the new screens go to docs/images/web-v2-*.png.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sessionOf } from './api.ts';
import { buildWeb, launchBrowser, newContext, startStack, WEB_DIR, type Stack } from './harness.ts';
import { currentStep, totpAt } from './totp.ts';

const IMAGES = resolve(WEB_DIR, '../../docs/images');
const PASSWORD = 'bunkai-demo';
let stack: Stack;
let browser: Browser;
let page: Page;
let eid = '';

const signIn = async (p: Page, email: string, extra?: (p: Page) => Promise<void>) => {
  await p.goto(`${stack.url}/sign-in`);
  await p.getByLabel('メールアドレス').fill(email);
  await p.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'ログイン', exact: true }).click();
  if (extra) await extra(p);
  await p.waitForURL(`${stack.url}/`);
};
const settle = async (p: Page) => {
  // the live stream (SSE) keeps the network busy: wait for quiet briefly, not the default 30 s
  await p.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await p.evaluate(() => document.fonts.ready);
};
const setLang = (p: Page, lang: 'ja' | 'en') => p.evaluate((l) => localStorage.setItem('bunkai.locale', l), lang);
const shots = async (p: Page, name: string, lang: 'ja' | 'en') => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await p.setViewportSize({ width, height });
    await settle(p);
    await p.waitForTimeout(300);
    await p.screenshot({ path: resolve(IMAGES, `web-v2-${name}-${lang}-${width}.png`), animations: 'disabled', caret: 'hide' });
  }
  await p.setViewportSize({ width: 1366, height: 768 });
};

type Cell = { id: string; version: number; status: string; openProposal: { assignment: Record<string, string[]> } | null };
type Matrix = { cells: Cell[]; parties: { id: string; displayName: string }[] };

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({ seedDemo: true });
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await signIn(page, 'hospital@demo.example');
  // The list loads after sign-in: wait for an engagement's own link (not /engagements/new) before reading them.
  await page.waitForFunction(() => [...document.querySelectorAll('a[href^="/engagements/"]')].some((a) => /^\/engagements\/[0-9a-f-]{36}/.test(a.getAttribute('href') ?? '')));
  const hrefs = await page.locator('a[href^="/engagements/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  eid = hrefs.map((h) => h.split('/')[2] ?? '').find((s) => /^[0-9a-f-]{36}$/.test(s)) ?? '';
  expect(eid).not.toBe('');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe.sequential('issue 16 screens', () => {
  it('bugs 3 and 5: a lost race shows its 409 beside the send button, reload refreshes the grid cell; focus stays in the panel; Esc closes it from anywhere', async () => {
    const { accessToken } = await sessionOf(page);
    const m = await call<Matrix>(stack.url, accessToken, 'GET', `/api/v1/engagements/${eid}/cells`);
    // a proposed cell with a party that has no letter yet: both sides will give that party one
    const target = m.cells.flatMap((c) => {
      const free = c.status === 'proposed' && c.openProposal ? m.parties.find((p) => !(c.openProposal!.assignment[p.id] ?? []).length) : undefined;
      return free ? [{ c, free }] : [];
    })[0];
    expect(target).toBeDefined();
    const { c, free } = target!;
    await page.goto(`${stack.url}/engagements/${eid}/matrix?cell=${c.id}`);
    const aside = page.getByRole('complementary');
    await aside.getByRole('heading', { level: 2 }).waitFor();
    const gridCell = page.locator(`[data-cell-id="${c.id}"]`);
    const before = await gridCell.textContent();
    await aside.getByRole('button', { name: '対案を出す' }).click();
    await aside.getByRole('button', { name: new RegExp(`^${free.displayName} の .*I$`) }).click();
    // meanwhile the EHR vendor counters the same cell
    const ehr = await call<{ accessToken: string }>(stack.url, null, 'POST', '/api/v1/auth/login', { email: 'ehr@demo.example', password: PASSWORD });
    await call(stack.url, ehr.accessToken, 'POST', `/api/v1/cells/${c.id}/proposals`, { version: c.version, assignment: { ...c.openProposal!.assignment, [free.id]: ['C'] }, reason: 'e2e race' });
    await aside.getByRole('button', { name: '対案を送る' }).click();
    const alert = aside.getByRole('alert').filter({ hasText: '他の人がこのセルを先に更新しました' });
    await alert.waitFor();
    const box = (await alert.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('最新の内容を読み込む');
    await alert.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await page.waitForFunction(([id, old]) => document.querySelector(`[data-cell-id="${id}"]`)?.textContent !== old, [c.id, before] as const);
    const refreshed = await gridCell.textContent();

    // bug 5: accept the vendor's counter; focus stays in the panel, then Esc from <body> closes it
    await aside.getByRole('button', { name: '承諾する' }).click();
    await page.waitForFunction(() => document.activeElement?.closest('aside') !== null && document.activeElement?.tagName === 'H2');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await aside.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('cell=');
    // what the grid showed after 最新の内容を読み込む is what a full reload shows for the counter
    expect(refreshed).not.toBe(before);
  });

  it('the kickoff review saves without scrolling at 1366×768', async () => {
    await page.goto(`${stack.url}/engagements/${eid}/review?i=0`);
    const save = page.getByRole('button', { name: /保存して次へ/ });
    await save.waitFor();
    await settle(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: resolve(IMAGES, 'web-v2-review-fit-ja-1366.png') });
  });

  it('duties: add a custom duty, refuse a bad import row by row, export the matrix as Excel', async () => {
    await page.goto(`${stack.url}/engagements/${eid}/duties`);
    await page.getByRole('heading', { name: '責任項目', level: 2 }).waitFor();
    await page.getByRole('table').first().waitFor();
    await shots(page, 'duties', 'ja');
    await page.getByRole('button', { name: /独自項目を追加/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('コード').fill('HOSP-E2E');
    await dialog.getByLabel('項目名（日本語）').fill('院内独自の持出しルールの周知');
    await dialog.getByLabel('内容（日本語）').fill('設定情報を院外へ持ち出す際のルールを周知する。');
    await dialog.getByLabel('出典の文書').fill('保守契約');
    await dialog.getByLabel('出典の箇所').fill('第8条');
    await dialog.getByRole('button', { name: '独自項目を追加する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-duty-code="HOSP-E2E"]').waitFor();

    const csv = 'code,title_ja,description_ja,phase,category,part,references\nNEW-01,新項目,内容,平日,governance,2,contract 第1条\nNEW-02,,内容,normal,governance,2,contract 第2条\n';
    await page.getByLabel('責任項目の取込（CSV / Excel）').setInputFiles({ name: 'duties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.getByRole('table', { name: '取込ファイルの問題（行ごと）' });
    await report.waitFor();
    const rows = await report.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.closest('tr')?.getAttribute('data-row')));
    expect(new Set(rows)).toEqual(new Set(['2', '3']));
    expect(await page.locator('[data-duty-code="NEW-01"]').count()).toBe(0);
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(IMAGES, 'web-v2-duties-import-errors-ja-1366.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '分担表 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await setLang(page, 'en');
    await page.reload();
    await page.getByRole('heading', { name: 'Duties', level: 2 }).waitFor();
    await shots(page, 'duties', 'en');
    await setLang(page, 'ja');
  });

  it('two-factor: QR code, recovery codes shown once, sign-in with a recovery code', async () => {
    const ctx = await newContext(browser);
    const p = await ctx.newPage();
    await signIn(p, 'vpn@demo.example');
    await p.goto(`${stack.url}/account`);
    await p.getByRole('button', { name: '設定をはじめる' }).click();
    const qr = p.getByRole('img', { name: '認証アプリ登録用の QR コード' });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    await shots(p, 'totp-setup', 'ja');
    // the same set-up in English (a reload starts it again with a new secret)
    await setLang(p, 'en');
    await p.reload();
    await p.getByRole('button', { name: 'Set it up' }).click();
    await p.getByRole('img', { name: 'QR code to add Bunkai to an authenticator app' }).waitFor();
    await shots(p, 'totp-setup', 'en');
    const secret = await p.getByTestId('totp-secret').inputValue();
    await p.getByLabel('Code (6 digits)').fill(totpAt(secret, currentStep()));
    await p.getByRole('button', { name: 'Verify code and enable' }).click();
    const list = p.getByTestId('recovery-codes');
    await list.waitFor();
    const codes = await list.locator('li').allTextContents();
    expect(codes).toHaveLength(10);
    await list.scrollIntoViewIfNeeded();
    await p.screenshot({ path: resolve(IMAGES, 'web-v2-recovery-codes-en-1366.png') });
    await ctx.close();

    const again = await (await newContext(browser)).newPage();
    await signIn(again, 'vpn@demo.example', async (q) => {
      await q.getByRole('button', { name: '認証アプリを使えない場合は回復コードを使う' }).click();
      await q.getByLabel('回復コード').fill(codes[0]!);
      await q.getByRole('button', { name: '確認してログイン' }).click();
    });
    await again.goto(`${stack.url}/account`);
    await again.getByTestId('recovery-remaining').waitFor();
    expect(await again.getByTestId('recovery-remaining').textContent()).toContain('未使用 9 / 10 件');
    await setLang(again, 'en');
    await again.reload();
    await again.getByTestId('recovery-remaining').waitFor();
    await shots(again, 'recovery-status', 'en');
  });
});
