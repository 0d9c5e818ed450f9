/**
 * `npx tsx scripts/render-annex-images.ts [--keep]`: renders pages of the demo's
 * signed SLA annex (別紙) to docs/images/annex-*.png for the README.
 *
 * Builds the demo the way the API test does — in-process app on a temporary
 * (in-memory) PGlite, demo seed, every open item settled, frozen, signed by all
 * four parties — downloads GET /api/v1/revisions/:id/annex.docx, converts it
 * with LibreOffice and renders chosen pages with pdftoppm. Pages are found by
 * searching each page's text, so layout changes do not pick the wrong page.
 * Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDb } from '../packages/db/src/index.ts';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { createDemoSignoff } from '../apps/api/src/seed/demo-signoff.ts';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/images');
const RESOLUTION = '80';
const keep = process.argv.includes('--keep');

/** Which pages to render: the first page (at or after `after`) whose text contains every needle. */
const PAGES: { name: string; needles: string[]; after?: string }[] = [
  { name: 'cover', needles: ['責任分界合意書', 'SHA-256'] },
  { name: 'parties', needles: ['当事者一覧', '連絡体制'] },
  { name: 'items', needles: ['VPN装置のファームウェア更新'], after: 'items' },
  { name: 'matrix', needles: ['リモート保守用VPN装置'], after: 'matrix' },
  { name: 'signatures', needles: ['検証方法'] },
];

/** Headings that start the sections (so an item page is not taken from the cover, nor a matrix page from the items). */
const SECTION_STARTS: Record<string, string> = { items: '責任分担表（確認表の順）', matrix: '資産×責任項目マトリクス' };

const tool = async (cmd: string, args: string[], timeout = 60_000) => {
  try {
    return await run(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`'${cmd}' is not installed: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils`, { cause: error });
    throw error;
  }
};

const buildSignedDemoAnnex = async (): Promise<{ docx: Buffer; sha256: string }> => {
  const database = await createDb({});
  await database.migrate();
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SCRYPT_COST: '1024',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const app = await buildApp({ database, config, logger: false });
  try {
    await app.ready();
    const { revision, members } = await createDemoSignoff(app).seedSignedDemo(database, config);
    if (revision.status !== 'executed') throw new Error(`the demo revision is ${revision.status}, not executed`);
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/revisions/${revision.id}/annex.docx`,
      headers: { authorization: `Bearer ${members.hospital.session.accessToken}` },
    });
    if (res.statusCode !== 200) throw new Error(`annex download: ${res.statusCode} ${res.body}`);
    return { docx: res.rawPayload, sha256: revision.sha256 ?? '' };
  } finally {
    await app.close();
    await database.close();
  }
};

const main = async () => {
  const work = await mkdtemp(join(tmpdir(), 'bunkai-annex-images-'));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    const { docx, sha256 } = await buildSignedDemoAnnex();
    const docxPath = join(work, 'annex.docx');
    await writeFile(docxPath, docx);
    await tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docxPath], 300_000);
    const pdf = join(work, 'annex.pdf');
    await tool('pdftotext', [pdf, join(work, 'annex.txt')]);
    // pdftotext ends every page with a form feed; whitespace goes, so a title wrapped inside its table cell still matches.
    const pages = (await readFile(join(work, 'annex.txt'), 'utf8')).split('\f').map((text) => text.replace(/\s+/g, ''));
    console.log(`annex: ${docx.length} bytes, ${pages.length - 1} pages, revision ${sha256}`);

    const firstPage = (needles: string[], from = 0) => {
      const i = pages.findIndex((text, n) => n >= from && needles.every((s) => text.includes(s)));
      return i < 0 ? null : i;
    };
    await mkdir(OUT, { recursive: true });
    for (const p of PAGES) {
      const start = p.after ? firstPage([SECTION_STARTS[p.after] ?? p.after]) : 0;
      if (start === null) throw new Error(`no page starts the ${p.after} section`);
      const index = firstPage(p.needles, start);
      if (index === null) throw new Error(`no page for ${p.name} (${p.needles.join(', ')})`);
      const n = String(index + 1);
      const base = join(work, `annex-${p.name}`);
      await tool('pdftoppm', ['-png', '-r', RESOLUTION, '-f', n, '-l', n, '-singlefile', pdf, base]);
      const target = join(OUT, `annex-${p.name}.png`);
      await copyFile(`${base}.png`, target);
      console.log(`  page ${n.padStart(2)} → docs/images/annex-${p.name}.png (${Math.round((await stat(target)).size / 1024)} KB)`);
    }
    if (keep) {
      await copyFile(docxPath, join(tmpdir(), 'bunkai-demo-annex.docx'));
      await copyFile(pdf, join(tmpdir(), 'bunkai-demo-annex.pdf'));
      console.log(`kept ${join(tmpdir(), 'bunkai-demo-annex.docx')} and .pdf`);
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
};

await main();
