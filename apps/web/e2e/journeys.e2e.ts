/**
 * Browser journeys in Debian's Chromium against the real API (fresh in-memory
 * PGlite): (1) hospital signs up, creates an engagement from a template,
 * invites a vendor, the vendor joins and counters a cell, the hospital
 * accepts, then adds and deletes an asset; (2) freeze, every party signs with password + TOTP, the signed
 * annex downloads and verifies; (3) a second browser sees a change live.
 * Screenshots of each main screen go to e2e/artifacts/.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sessionOf } from './api.ts';
import { ARTIFACTS, buildWeb, launchBrowser, newContext, shot, startStack, type Stack } from './harness.ts';
import { freshTotp } from './totp.ts';

const PASSWORD = 'correct horse battery';
const HOSPITAL = { org: 'みなと総合病院', name: '情報システム課 山田', email: 'yamada@minato-hp.example' };
const VENDOR = { org: 'さくら電子カルテ株式会社', name: '導入担当 佐藤', email: 'sato@sakura-ehr.example' };

let stack: Stack;
let browser: Browser;
let hospitalCtx: BrowserContext;
let vendorCtx: BrowserContext;
let hospital: Page;
let vendor: Page;
let engagementId = '';
const totpSteps = new Map<string, number>();

/** A matrix cell whose accessible name says 提案中 (its status follows the colon). */
const PROPOSED = /: 提案中/;
/** The cell panel (an aside named by the cell's heading). */
const panel = (page: Page) => page.getByRole('complementary');
/** The role picker's pressed R/A/C/I toggles. */
const pressedRoles = (page: Page) => page.getByRole('table', { name: '当事者ごとの役割' }).getByRole('button', { pressed: true });

const watch = (page: Page, who: string) => {
  page.on('pageerror', (e) => console.error(`[${who}] page error: ${e.message}`));
};

const signUp = async (page: Page, who: { org: string; name: string; email: string }, opts: { emailPrefilled?: boolean } = {}) => {
  await page.getByLabel('組織名').fill(who.org);
  await page.getByLabel('氏名').fill(who.name);
  if (!opts.emailPrefilled) await page.getByLabel('メールアドレス').fill(who.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登録してはじめる' }).click();
};

/** Account page: start TOTP enrollment, read the secret, confirm with a computed code. */
const enrollTotp = async (page: Page, key: string): Promise<string> => {
  await page.goto(`${stack.url}/account`);
  await page.getByRole('button', { name: '設定をはじめる' }).click();
  const secret = await page.getByTestId('totp-secret').inputValue();
  const { code, step } = await freshTotp(secret, null);
  totpSteps.set(key, step);
  await page.getByLabel('確認コード（6桁）').fill(code);
  await page.getByRole('button', { name: 'コードを確認して有効にする' }).click();
  await page.getByText('有効です。').waitFor();
  return secret;
};

const signRevision = async (page: Page, key: string, secret: string) => {
  const card = page.getByTestId('revision-1');
  await card.getByRole('button', { name: '署名する' }).click();
  await page.getByTestId('signing-statement').waitFor();
  await page.getByLabel('パスワード（再入力）').fill(PASSWORD);
  const { code, step } = await freshTotp(secret, totpSteps.get(key) ?? null);
  totpSteps.set(key, step);
  await page.getByLabel('確認コード（6桁）').fill(code);
  await page.getByRole('button', { name: 'この版に署名する' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
};

beforeAll(async () => {
  await buildWeb();
  stack = await startStack();
  browser = await launchBrowser();
  hospitalCtx = await newContext(browser);
  vendorCtx = await newContext(browser);
  hospital = await hospitalCtx.newPage();
  vendor = await vendorCtx.newPage();
  watch(hospital, 'hospital');
  watch(vendor, 'vendor');
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe.sequential('journeys', () => {
  it('1: the hospital creates an engagement from a template and invites a vendor; the vendor joins and counters; the hospital accepts', async () => {
    await hospital.goto(`${stack.url}/`);
    await hospital.getByRole('heading', { name: 'ログイン' }).waitFor();
    await shot(hospital, '01-sign-in');
    await hospital.getByRole('link', { name: '組織を登録する' }).click();
    await signUp(hospital, HOSPITAL);
    await hospital.getByRole('heading', { name: '協議案件' }).waitFor();

    await hospital.getByRole('link', { name: /新しい案件/ }).click();
    await hospital.getByTestId('template-onprem-ehr-vpn').click();
    await hospital.getByLabel('案件名').fill('電子カルテ更改 2026');
    await shot(hospital, '02-create-engagement');
    await hospital.getByRole('button', { name: '案件を作成' }).click();
    await hospital.getByTestId('party-card').first().waitFor();
    engagementId = new URL(hospital.url()).pathname.split('/')[2] ?? '';
    expect(engagementId).toMatch(/^[0-9a-f-]{36}$/);

    await hospital.getByTestId('party-card').filter({ hasText: '電子カルテベンダー' }).getByRole('button', { name: '招待' }).click();
    await hospital.getByLabel('招待先のメールアドレス').fill(VENDOR.email);
    await hospital.getByRole('button', { name: '招待リンクを作成' }).click();
    const link = await hospital.getByTestId('invite-link').inputValue();
    expect(link).toContain('/invitations#token=');
    await shot(hospital, '03-invite');
    await hospital.getByRole('button', { name: '閉じる' }).first().click();

    // the vendor opens the link, registers its organization, comes back and accepts
    await vendor.goto(link.replace(/^https?:\/\/[^/]+/, stack.url));
    await vendor.getByText(HOSPITAL.org, { exact: false }).first().waitFor();
    await shot(vendor, '04-invitation');
    await vendor.getByRole('link', { name: '組織を登録して承諾' }).click();
    expect(await vendor.getByLabel('メールアドレス').inputValue()).toBe(VENDOR.email);
    await signUp(vendor, VENDOR, { emailPrefilled: true });
    await vendor.getByRole('button', { name: '招待を承諾して参加する' }).click();
    await vendor.waitForURL(/\/matrix/);
    await vendor.getByRole('gridcell').first().waitFor();

    // "what is asked of us", proposed cells: open one and counter (vendor R, hospital A)
    await vendor.goto(`${stack.url}/engagements/${engagementId}/matrix?status=proposed&view=mine`);
    await vendor.getByRole('gridcell', { name: PROPOSED }).first().click();
    await panel(vendor).getByRole('heading', { level: 2 }).waitFor();
    const cellId = new URL(vendor.url()).searchParams.get('cell') ?? '';
    expect(cellId).not.toBe('');
    await vendor.getByRole('button', { name: '対案を出す' }).click();
    const pressed = pressedRoles(vendor);
    while ((await pressed.count()) > 0) await pressed.first().click();
    await vendor.getByText('責任（A）を持つ当事者がいません').waitFor();
    // Once the vendor joined, its party carries the company's name instead of the template placeholder.
    await vendor.getByRole('button', { name: `${VENDOR.org} の 実施 R` }).click();
    await vendor.getByRole('button', { name: `${HOSPITAL.org} の 責任 A` }).click();
    await vendor.getByText('この分担は成立します。').waitFor();
    await vendor.getByLabel('提案の理由').fill('パッチ適用作業は当社が実施します');
    await shot(vendor, '05-counter-role-picker');
    await vendor.getByRole('button', { name: '対案を送る' }).click();
    await panel(vendor).getByText(`… ${HOSPITAL.org}`).waitFor();

    // the hospital accepts the counter: the cell is agreed
    await hospital.goto(`${stack.url}/engagements/${engagementId}/matrix?cell=${cellId}`);
    await panel(hospital).getByText(`${VENDOR.org} の提案`).waitFor();
    await shot(hospital, '06-matrix-panel');
    await panel(hospital).getByRole('button', { name: '承諾する' }).click();
    await hospital.locator(`[data-cell-id="${cellId}"][data-status="agreed"]`).waitFor();
    await panel(hospital).getByText('まだ合意された分担はありません。').waitFor({ state: 'detached' });

    await hospital.goto(`${stack.url}/engagements/${engagementId}/matrix`);
    await hospital.getByRole('gridcell').first().waitFor();
    await shot(hospital, '07-matrix');
    await hospital.goto(`${stack.url}/`);
    await hospital.getByRole('list', { name: '当事者別の合意' }).first().getByRole('listitem').first().waitFor();
    await shot(hospital, '08-engagement-list');
    await hospital.goto(`${stack.url}/engagements/${engagementId}`);
    await hospital.getByRole('table').first().getByRole('row').nth(1).waitFor();
    await shot(hospital, '09-overview');
    // 対象資産: the owner adds an asset (its cells are created), then deletes it again
    await hospital.goto(`${stack.url}/engagements/${engagementId}/assets`);
    await hospital.getByRole('button', { name: /資産を追加/ }).click();
    const addDialog = hospital.getByRole('dialog');
    await addDialog.getByLabel(/資産名/).fill('UTM 予備機');
    await addDialog.getByRole('button', { name: '追加する' }).click();
    await hospital.getByText(/資産を追加しました/).waitFor();
    const added = hospital.getByRole('row').filter({ hasText: 'UTM 予備機' });
    await added.waitFor();
    await shot(hospital, '09b-assets');
    await added.getByRole('button', { name: /削除/ }).click();
    await hospital.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await added.waitFor({ state: 'detached' });
    await hospital.goto(`${stack.url}/engagements/${engagementId}/findings`);
    await hospital.getByTestId('finding').first().waitFor();
    await shot(hospital, '10-findings');
    await hospital.goto(`${stack.url}/engagements/${engagementId}/review`);
    await hospital.getByTestId('review-item-title').waitFor();
    await hospital.getByRole('button', { name: 'はい', exact: true }).click();
    await shot(hospital, '11-kickoff-review');
    await hospital.getByRole('button', { name: /保存して次へ/ }).click();
    await hospital.getByText('2 / ', { exact: false }).waitFor();
  });

  it('3: a second browser sees a change live', async () => {
    await vendor.goto(`${stack.url}/engagements/${engagementId}/matrix`);
    await vendor.getByText('リアルタイム更新中').waitFor();
    const target = vendor.getByRole('gridcell', { name: PROPOSED }).first();
    const cellId = (await target.getAttribute('data-cell-id')) ?? '';
    expect(cellId).not.toBe('');

    // the hospital settles that cell alone (A and R to itself: agreed at once)
    await hospital.goto(`${stack.url}/engagements/${engagementId}/matrix?cell=${cellId}`);
    await hospital.getByRole('button', { name: '対案を出す' }).click();
    const pressed = pressedRoles(hospital);
    while ((await pressed.count()) > 0) await pressed.first().click();
    await hospital.getByRole('button', { name: `${HOSPITAL.org} の 実施 R` }).click();
    await hospital.getByRole('button', { name: `${HOSPITAL.org} の 責任 A` }).click();
    await hospital.getByRole('button', { name: '対案を送る' }).click();

    await vendor.locator(`[data-cell-id="${cellId}"][data-status="agreed"]`).waitFor({ timeout: 15_000 });
    await vendor.getByRole('status').getByText(`${HOSPITAL.org} が`, { exact: false }).waitFor({ timeout: 15_000 });
    await shot(vendor, '12-live-update');
  });

  it('2: freeze, every party signs with password + TOTP, the signed annex downloads and verifies', async () => {
    const h = await sessionOf(hospital);
    const v = await sessionOf(vendor);
    // a small engagement settled through the API: two engagement-wide duties, one vendor
    const { engagement } = await call<{ engagement: { id: string } }>(stack.url, h.accessToken, 'POST', '/api/v1/engagements', { title: '署名テスト案件', systemName: '部門システム' });
    const eid = engagement.id;
    const invite = await call<{ token: string }>(stack.url, h.accessToken, 'POST', `/api/v1/engagements/${eid}/invitations`, { email: VENDOR.email, role: 'ehr_vendor', displayName: VENDOR.org });
    await call(stack.url, v.accessToken, 'POST', '/api/v1/invitations/accept', { token: invite.token });
    const { parties } = await call<{ parties: { id: string; role: string }[] }>(stack.url, h.accessToken, 'GET', `/api/v1/engagements/${eid}/parties`);
    const hp = parties.find((p) => p.role === 'hospital')?.id ?? '';
    const vp = parties.find((p) => p.role === 'ehr_vendor')?.id ?? '';
    await call(stack.url, h.accessToken, 'POST', `/api/v1/engagements/${eid}/duties`, { catalogCodes: ['GOV-01', 'GOV-05'] });
    const matrix = await call<{ cells: { id: string; version: number }[] }>(stack.url, h.accessToken, 'GET', `/api/v1/engagements/${eid}/cells`);
    for (const c of matrix.cells) {
      const r = await call<{ proposal: { id: string } }>(stack.url, h.accessToken, 'POST', `/api/v1/cells/${c.id}/proposals`, { assignment: { [hp]: ['A'], [vp]: ['R'] }, version: c.version, reason: '' });
      await call(stack.url, v.accessToken, 'POST', `/api/v1/proposals/${r.proposal.id}/accept`, {});
    }
    await call(stack.url, h.accessToken, 'PUT', `/api/v1/parties/${hp}/signatories/${h.user.id}`);
    await call(stack.url, v.accessToken, 'PUT', `/api/v1/parties/${vp}/signatories/${v.user.id}`);

    const hospitalSecret = await enrollTotp(hospital, 'hospital');
    const vendorSecret = await enrollTotp(vendor, 'vendor');
    await shot(vendor, '13-account-totp');

    await hospital.goto(`${stack.url}/engagements/${eid}/sign-off`);
    await hospital.getByRole('button', { name: '現在の分担表を版として確定' }).click();
    await hospital.getByTestId('revision-1').waitFor();
    const hash = await hospital.getByTestId('revision-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await signRevision(hospital, 'hospital', hospitalSecret);
    await hospital.getByTestId('revision-1').getByText(`✓ ${HOSPITAL.name} が`, { exact: false }).waitFor();
    await shot(hospital, '14-sign-off-hospital-signed');

    await vendor.goto(`${stack.url}/engagements/${eid}/sign-off`);
    await vendor.getByTestId('revision-1').waitFor();
    await signRevision(vendor, 'vendor', vendorSecret);
    await vendor.getByText('すべての当事者が署名しました。').waitFor();
    await shot(vendor, '15-sign-off-executed');

    // the revision export (JSON) verifies against the signed revision
    const [jsonDownload] = await Promise.all([vendor.waitForEvent('download'), vendor.getByTestId('revision-1').getByRole('button', { name: /JSON/ }).click()]);
    const jsonPath = resolve(ARTIFACTS, 'revision-1.json');
    await jsonDownload.saveAs(jsonPath);
    await vendor.goto(`${stack.url}/verify`);
    await vendor.getByLabel('ファイル', { exact: true }).setInputFiles(jsonPath);
    await vendor.getByRole('button', { name: '検証する' }).click();
    await vendor.getByTestId('verify-result').getByText('一致しました', { exact: false }).waitFor();
    await shot(vendor, '16-verify');

    await hospital.goto(`${stack.url}/engagements/${eid}/audit`);
    await hospital.getByTestId('chain-status').getByText('チェーンは正常です', { exact: false }).waitFor();
    await shot(hospital, '17-audit');

    // the signed annex (.docx) downloads and verifies too
    await vendor.goto(`${stack.url}/engagements/${eid}/sign-off`);
    const [download] = await Promise.all([vendor.waitForEvent('download'), vendor.getByRole('button', { name: /署名済み別紙をダウンロード/ }).click()]);
    const annexPath = resolve(ARTIFACTS, 'annex-signed.docx');
    await download.saveAs(annexPath);
    expect(statSync(annexPath).size).toBeGreaterThan(2000);
    expect(readFileSync(annexPath).subarray(0, 2).toString()).toBe('PK');
    await vendor.goto(`${stack.url}/verify`);
    await vendor.getByLabel('ファイル', { exact: true }).setInputFiles(annexPath);
    await vendor.getByRole('button', { name: '検証する' }).click();
    await vendor.getByTestId('verify-result').getByText('一致しました', { exact: false }).waitFor();
  });
});
