/**
 * `tsx apps/web/e2e/screens.ts OUT_DIR`: full-page screenshots of every main
 * screen (demo data, 1366×768, Japanese) — taken before and after a styling
 * change and compared pixel by pixel to prove the look did not move.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildWeb, launchBrowser, newContext, startStack } from './harness.ts';

const out = resolve(process.argv[2] ?? 'e2e/artifacts/screens');
mkdirSync(out, { recursive: true });
await buildWeb();
const stack = await startStack({ seedDemo: true });
const browser = await launchBrowser();
try {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const snap = async (name: string) => {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    await page.screenshot({ path: resolve(out, `${name}.png`), fullPage: name !== 'matrix' && name !== 'cell-panel', animations: 'disabled', caret: 'hide' });
  };
  await page.goto(`${stack.url}/sign-in`);
  await snap('sign-in');
  await page.goto(`${stack.url}/sign-up`);
  await snap('sign-up');
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel('メールアドレス').fill('hospital@demo.example');
  await page.getByLabel('パスワード', { exact: true }).fill('bunkai-demo');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(`${stack.url}/`);
  await snap('list');
  const hrefs = await page.locator('a[href^="/engagements/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const id = hrefs.map((h) => h.split('/')[2] ?? '').find((s) => /^[0-9a-f-]{36}$/.test(s)) ?? '';
  for (const tab of ['', 'matrix', 'assets', 'review', 'findings', 'sign-off', 'audit']) {
    await page.goto(`${stack.url}/engagements/${id}${tab ? `/${tab}` : ''}`);
    await snap(tab || 'overview');
  }
  await page.goto(`${stack.url}/engagements/${id}/matrix`);
  await page.getByRole('gridcell').first().waitFor();
  await page.getByRole('gridcell').first().click();
  await page.getByRole('dialog').or(page.getByRole('complementary')).first().waitFor().catch(() => undefined);
  await snap('cell-panel');
  for (const p of ['engagements/new', 'account', 'verify']) {
    await page.goto(`${stack.url}/${p}`);
    await snap(p.replace('/', '-'));
  }
} finally {
  await browser.close();
  await stack.close();
}
