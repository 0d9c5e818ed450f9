/**
 * Test and benchmark harness: builds the web app, starts the real API
 * (buildApp on a fresh in-memory PGlite database) serving apps/web/dist on a
 * free loopback port, and launches Debian's Chromium through playwright-core.
 * Relative imports reach the API on purpose: this is a harness, not the app.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig } from '../../api/src/config.ts';
import { seedDemoIfEmpty } from '../../api/src/seed/demo-seed.ts';
import { createDb } from '../../../packages/db/src/index.ts';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = resolve(WEB_DIR, 'e2e/artifacts');
/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

export const buildWeb = async () => {
  await build({ root: WEB_DIR, logLevel: 'warn', configFile: resolve(WEB_DIR, 'vite.config.ts') });
};

export type Stack = { url: string; close: () => Promise<void>; app: Awaited<ReturnType<typeof buildApp>> };

/** `env` adds configuration (e.g. SMTP_URL for a journey that reads its e-mail from a real SMTP server). */
export const startStack = async (opts: { seedDemo?: boolean; env?: Record<string, string> } = {}): Promise<Stack> => {
  const database = await createDb();
  await database.migrate();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
    SCRYPT_COST: '1024',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    LOGIN_MAX_ATTEMPTS: '1000',
    // Every journey signs in from 127.0.0.1; a busy CI machine stalls the event loop now and then.
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_REGISTER_PER_HOUR: '100000',
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...opts.env,
  });
  const app = await buildApp({ database, config, logger: false });
  if (opts.seedDemo) await seedDemoIfEmpty(app, database, config);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });

/** A 1366×768 laptop, Japanese locale, Tokyo time. */
export const newContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true });

export const shot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
};
