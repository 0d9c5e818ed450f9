/**
 * `npx tsx scripts/render-annex-images.ts [--keep]`: renders the cover, an item table page and the signing
 * certificate (署名証明書) of the demo's signed SLA annex (別紙) to docs/images/annex-*.png for the README.
 *
 * Builds the demo the way the API test does — in-process app on a temporary
 * (in-memory) PGlite, demo seed, every open item settled, frozen, signed by all
 * four parties — downloads GET /api/v1/revisions/:id/annex.docx, converts it
 * with LibreOffice and renders chosen pages with pdftoppm. Pages are found by
 * searching each page's text, so layout changes do not pick the wrong page.
 * Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSignedDemoAnnex } from './annex/demo-annex.ts';
import { docxToPdf, tool } from './annex/libreoffice.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs/images');
const RESOLUTION = '80';
const keep = process.argv.includes('--keep');

/** Which pages to render: the first page (at or after the section's start) whose text contains every needle (whitespace removed). */
const PAGES: { name: string; needles: string[]; after?: string }[] = [
  { name: 'cover', needles: ['責任分界合意書', 'SHA-256'] },
  { name: 'items', needles: ['VPN'], after: 'items' },
  { name: 'certificate', needles: ['署名証明書', 'Bunkaiが記録した事項'] },
];

/** Text that starts a section's body (not its line in the table of contents), so an item page is not taken from the cover. */
const SECTION_STARTS: Record<string, string> = { items: '確認表項番' };

const main = async () => {
  const work = await mkdtemp(join(tmpdir(), 'bunkai-annex-images-'));
  try {
    const { docx, sha256 } = await buildSignedDemoAnnex();
    const docxPath = join(work, 'annex.docx');
    await writeFile(docxPath, docx);
    const { pdf } = await docxToPdf(docxPath);
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
    await rm(work, { recursive: true, force: true });
  }
};

await main();
