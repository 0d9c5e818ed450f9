/**
 * `npx tsx scripts/render-annex-pdf-images.ts [--keep]`: renders pages of the
 * demo's signed SLA annex as a sealed PDF (GET /api/v1/revisions/:id/annex.pdf)
 * to docs/images/annex-pdf-*.png: cover, first item table page, a continuation
 * page (repeated header and group), signing certificate (署名証明書).
 *
 * Builds the demo as scripts/render-annex-images.ts does (in-process app on an
 * in-memory PGlite, demo seed, settled, frozen, signed by every party), with a
 * temporary data directory for the generated self-signed seal. Prints the page
 * count, the build time and pdfsig's verdict. Needs poppler-utils (pdftoppm, pdftotext, pdfsig).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
const keep = process.argv.includes('--keep');

/** The first page whose text holds every needle (whitespace removed). */
const PAGES: { name: string; needles: string[] }[] = [
  { name: 'cover', needles: ['責任分界合意書', 'SHA-256', '案件名'] },
  { name: 'items', needles: ['4.責任分担表Responsibilityassignment', '確認表', '条件・備考'] },
  { name: 'items-continued', needles: ['責任分担表Part2', '（続き）', '条件・備考'] },
  { name: 'certificate', needles: ['署名証明書', '封印（seal）'] },
];

const buildSignedDemoPdf = async (work: string): Promise<{ pdf: Buffer; ms: number }> => {
  const database = await createDb({});
  await database.migrate();
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SCRYPT_COST: '1024',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DATA_DIR: join(work, 'pglite'),
    PUBLIC_URL: 'https://bunkai.example.jp',
  });
  const app = await buildApp({ database, config, logger: false });
  try {
    await app.ready();
    const { revision, members } = await createDemoSignoff(app).seedSignedDemo(database, config);
    const get = () =>
      app.inject({ method: 'GET', url: `/api/v1/revisions/${revision.id}/annex.pdf`, headers: { authorization: `Bearer ${members.hospital.session.accessToken}` } });
    // The first build also generates the self-signed seal; time the second.
    await get();
    const started = Date.now();
    const res = await get();
    if (res.statusCode !== 200) throw new Error(`annex.pdf download: ${res.statusCode} ${res.body}`);
    return { pdf: res.rawPayload, ms: Date.now() - started };
  } finally {
    await app.close();
    await database.close();
  }
};

const main = async () => {
  const work = await mkdtemp(join(tmpdir(), 'bunkai-annex-pdf-images-'));
  try {
    const { pdf, ms } = await buildSignedDemoPdf(work);
    const file = join(work, 'annex.pdf');
    await writeFile(file, pdf);
    await run('pdftotext', [file, join(work, 'annex.txt')]);
    const pages = (await readFile(join(work, 'annex.txt'), 'utf8')).split('\f').map((t) => t.replace(/\s+/g, ''));
    const sig = (await run('pdfsig', [file]).catch((e: { stdout: string }) => e)).stdout;
    console.log(`annex.pdf: ${pdf.length} bytes, ${pages.length - 1} pages, built and sealed in ${ms} ms`);
    console.log(sig.split('\n').filter((l) => /Validation|Signature Type|Total/.test(l)).join('\n'));
    await mkdir(OUT, { recursive: true });
    for (const p of PAGES) {
      const index = pages.findIndex((text) => p.needles.every((s) => text.includes(s)));
      if (index < 0) throw new Error(`no page for ${p.name} (${p.needles.join(', ')})`);
      const n = String(index + 1);
      const base = join(work, p.name);
      await run('pdftoppm', ['-png', '-r', '60', '-f', n, '-l', n, '-singlefile', file, base]);
      await copyFile(`${base}.png`, join(OUT, `annex-pdf-${p.name}.png`));
      console.log(`  page ${n.padStart(3)} → docs/images/annex-pdf-${p.name}.png`);
    }
    if (keep) {
      await copyFile(file, join(tmpdir(), 'bunkai-demo-annex-sealed.pdf'));
      console.log(`kept ${join(tmpdir(), 'bunkai-demo-annex-sealed.pdf')}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

await main();
