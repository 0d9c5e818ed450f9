/**
 * Presenter mode of the kickoff review (初回確認, 発表者モード) in Debian's Chromium, two people in two browser
 * contexts on the demo data: the hospital presents, the EHR vendor follows, and the vendor's screen moves when the
 * hospital's does (through the API, PostgreSQL NOTIFY and the live stream). Then the review fitting 1920×1080 and
 * the official 確認表 import on the duties screen (row-by-row errors, Japanese and English, then a clean import).
 * Screenshots go to docs/images/web-v2-*.png.
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { buildWeb, launchBrowser, newContext, startStack, WEB_DIR, type Stack } from './harness.ts';

const IMAGES = resolve(WEB_DIR, '../../docs/images');
let stack: Stack;
let browser: Browser;
let hospitalCtx: BrowserContext;
let vendorCtx: BrowserContext;
let hospital: Page;
let vendor: Page;
let eid = '';

const signIn = async (p: Page, email: string) => {
  await p.goto(`${stack.url}/sign-in`);
  await p.getByLabel('メールアドレス').fill(email);
  await p.getByLabel('パスワード', { exact: true }).fill('bunkai-demo');
  await p.getByRole('button', { name: 'ログイン', exact: true }).click();
  await p.waitForURL(`${stack.url}/`);
  await p.waitForFunction(() => [...document.querySelectorAll('a[href^="/engagements/"]')].some((a) => /^\/engagements\/[0-9a-f-]{36}/.test(a.getAttribute('href') ?? '')));
};
const settle = async (p: Page) => {
  await p.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(300);
};
const title = (p: Page) => p.getByTestId('review-item-title').textContent();
const KAKUNINHYO_HEADER = 'Part,項番,項目,内容,想定されるリスク,推奨される対応例,ガイドライン等関連部分';

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({ seedDemo: true });
  browser = await launchBrowser();
  hospitalCtx = await newContext(browser);
  vendorCtx = await newContext(browser);
  hospital = await hospitalCtx.newPage();
  vendor = await vendorCtx.newPage();
  for (const p of [hospital, vendor]) p.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await signIn(hospital, 'hospital@demo.example');
  await signIn(vendor, 'ehr@demo.example');
  const hrefs = await hospital.locator('a[href^="/engagements/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  eid = hrefs.map((h) => h.split('/')[2] ?? '').find((s) => /^[0-9a-f-]{36}$/.test(s)) ?? '';
  expect(eid).not.toBe('');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe.sequential('presenter mode and the official 確認表 import', () => {
  it('the follower’s review moves when the presenter moves, until the presenter ends', async () => {
    await hospital.goto(`${stack.url}/engagements/${eid}/review?i=0`);
    await vendor.goto(`${stack.url}/engagements/${eid}/review?i=5`);
    await hospital.getByTestId('review-item-title').waitFor();
    await vendor.getByTestId('review-item-title').waitFor();
    const first = await title(hospital);
    expect(await title(vendor)).not.toBe(first);

    await hospital.getByRole('button', { name: '発表する' }).click();
    await hospital.getByText('発表中 — 参加者の画面がこの項目に追従します').waitFor();
    // The vendor's page learns of it from the live stream (no reload).
    const follow = vendor.getByRole('button', { name: '追従する' });
    await follow.waitFor();
    expect(await vendor.getByTestId('presenter-bar').textContent()).toMatch(/情報システム課 山田 さん（.+）が発表中/);
    await follow.click();
    await expect.poll(() => title(vendor)).toBe(first);
    expect(vendor.url()).toContain('i=0');

    for (const n of [1, 2]) {
      await hospital.getByRole('button', { name: '次へ →', exact: true }).click();
      await hospital.waitForURL(new RegExp(`i=${n}$`));
      const shown = await title(hospital);
      await expect.poll(() => title(vendor), { timeout: 10_000 }).toBe(shown);
      expect(vendor.url()).toContain(`i=${n}`);
    }
    await settle(vendor);
    await vendor.screenshot({ path: resolve(IMAGES, 'web-v2-review-following-ja-1366.png'), animations: 'disabled', caret: 'hide' });
    await hospital.screenshot({ path: resolve(IMAGES, 'web-v2-review-presenting-ja-1366.png'), animations: 'disabled', caret: 'hide' });
    expect(await seriousViolations(vendor)).toEqual([]);
    expect(await seriousViolations(hospital)).toEqual([]);

    // The same two screens on a 1920×1080 display and in English; switching the language keeps following.
    const both = [vendor, hospital];
    const snap = async (suffix: string) => {
      for (const p of both) await settle(p);
      await vendor.screenshot({ path: resolve(IMAGES, `web-v2-review-following-${suffix}.png`), animations: 'disabled', caret: 'hide' });
      await hospital.screenshot({ path: resolve(IMAGES, `web-v2-review-presenting-${suffix}.png`), animations: 'disabled', caret: 'hide' });
    };
    for (const p of both) await p.setViewportSize({ width: 1920, height: 1080 });
    await snap('ja-1920');
    for (const p of both) await p.setViewportSize({ width: 1366, height: 768 });
    for (const p of both) {
      await p.getByRole('button', { name: /English/ }).click();
      await p.locator('html[lang="en"]').waitFor({ state: 'attached' });
    }
    await vendor.getByTestId('presenter-bar').getByRole('button').first().waitFor();
    expect(await title(vendor)).toBe(await title(hospital));
    await snap('en-1366');
    for (const p of both) {
      await p.getByRole('button', { name: /日本語/ }).click();
      await p.locator('html[lang="ja"]').waitFor({ state: 'attached' });
    }

    // The follower stops following: the presenter's next move leaves the follower where it is.
    await vendor.getByRole('button', { name: '追従をやめる' }).click();
    const kept = await title(vendor);
    await hospital.getByRole('button', { name: '次へ →', exact: true }).click();
    await hospital.waitForURL(/i=3$/);
    await vendor.getByRole('button', { name: '追従する' }).waitFor();
    await vendor.waitForTimeout(1000);
    expect(await title(vendor)).toBe(kept);

    await hospital.getByRole('button', { name: '発表を終了' }).click();
    await vendor.getByRole('button', { name: '発表する' }).waitFor();
    await hospital.getByRole('button', { name: '発表する' }).waitFor();
  });

  it('the kickoff review fits 1920×1080: the item and 保存して次へ without scrolling', async () => {
    await hospital.setViewportSize({ width: 1920, height: 1080 });
    await hospital.goto(`${stack.url}/engagements/${eid}/review?i=0`);
    const save = hospital.getByRole('button', { name: /保存して次へ/ });
    await save.waitFor();
    await settle(hospital);
    expect(await hospital.evaluate(() => window.scrollY)).toBe(0);
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(await hospital.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
    await hospital.screenshot({ path: resolve(IMAGES, 'web-v2-review-fit-ja-1920.png'), animations: 'disabled', caret: 'hide' });
    await hospital.setViewportSize({ width: 1366, height: 768 });
  });

  it('duties: the official 確認表 import shows its problems row by row (ja, en) and then imports the sheet with its numbers', async () => {
    await hospital.goto(`${stack.url}/engagements/${eid}/duties`);
    await hospital.getByRole('heading', { name: '責任項目', level: 2 }).waitFor();
    await hospital.getByRole('radio', { name: /公式確認表/ }).check();
    // Row 3 has no Part (neither column nor heading); row 4 repeats 項番 A-1.
    const bad = `${KAKUNINHYO_HEADER}\nPart2,A-1,ガイドラインの確認,事業者のガイドライン準拠を確認する。,,,\n,A-2,Part のない行,内容,,,\nPart2,A-1,重複した項番,内容,,,\n`;
    await hospital.getByLabel('責任項目の取込（CSV / Excel）').setInputFiles({ name: 'kakuninhyo.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const report = hospital.getByRole('table', { name: '取込ファイルの問題（行ごと）' });
    await report.waitFor();
    const rows = await report.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
    expect(new Set(rows)).toEqual(new Set(['3', '4']));
    expect(await hospital.locator('[data-duty-code="KH2-A-1"]').count()).toBe(0);

    await hospital.evaluate(() => localStorage.setItem('bunkai.locale', 'en'));
    await hospital.reload();
    await hospital.getByRole('heading', { name: 'Duties', level: 2 }).waitFor();
    await hospital.getByRole('radio', { name: /Official check sheet/ }).check();
    await hospital.getByLabel('Import duties (CSV / Excel)').setInputFiles({ name: 'kakuninhyo.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const reportEn = hospital.getByRole('table', { name: 'Problems in the import file, by row' });
    await reportEn.waitFor();
    await hospital.getByText('kakuninhyo.csv has 2 problems, so nothing was imported.').waitFor();
    expect(await seriousViolations(hospital)).toEqual([]);
    await hospital.locator('.duties-exchange').scrollIntoViewIfNeeded();
    await settle(hospital);
    await hospital.screenshot({ path: resolve(IMAGES, 'web-v2-duties-import-errors-en-1366.png'), animations: 'disabled', caret: 'hide' });
    await hospital.evaluate(() => localStorage.setItem('bunkai.locale', 'ja'));
    await hospital.reload();

    await hospital.getByRole('radio', { name: /公式確認表/ }).check();
    const good = `${KAKUNINHYO_HEADER}\nPart2,A-1,ガイドラインの確認,事業者のガイドライン準拠を確認する。,,,\nPart2,A-8,個人情報の管理,個人情報を適切に取り扱う方法について合意する。,,,提供事業者ガイドライン 3.1.3\n`;
    await hospital.getByLabel('責任項目の取込（CSV / Excel）').setInputFiles({ name: 'kakuninhyo.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await hospital.getByText(/2 件を取り込みました/).waitFor();
    await hospital.locator('[data-duty-code="KH2-A-1"]').waitFor();
    await hospital.locator('[data-duty-code="KH2-A-8"]').waitFor();
    expect(await hospital.getByRole('table', { name: '取込ファイルの問題（行ごと）' }).count()).toBe(0);
  });
});
