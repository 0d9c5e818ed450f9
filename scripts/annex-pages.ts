/**
 * `npx tsx scripts/annex-pages.ts [demo] [reference] [reference_worst] [stress]`: builds annexes and counts their
 * pages the way a reader meets them — LibreOffice converts the .docx to PDF, poppler's pdfinfo counts the pages.
 * Prints one Markdown table row per annex (cells, build time of the .docx, conversion time, pages, size), for
 * docs/annex.md. The benchmark datasets are generated on an in-memory PGlite (bench/datasets.ts); their annex is that
 * of the last executed revision, built in-process with buildAnnex (the API builds it in its worker pool).
 * Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, revisionsRepository } from '../packages/db/src/index.ts';
import { buildAnnex } from '../packages/docx/src/index.ts';
import { loadRevisionAnnexInput } from '../apps/api/src/modules/signoff/annex/annex-loader.ts';
import { DATASETS, type DatasetSpec, generateDataset } from '../bench/datasets.ts';
import { buildSignedDemoAnnex } from './annex/demo-annex.ts';
import { docxToPdf, pdfPages } from './annex/libreoffice.ts';

type Row = { name: string; cells: number | string; buildMs: number; convertMs: number; pages: number; bytes: number };

const VERIFY_URL = 'https://bunkai.example.jp/verify';

const datasetAnnex = async (name: DatasetSpec['name']) => {
  const database = await createDb({});
  try {
    await database.migrate();
    const info = await generateDataset(database, DATASETS[name], (m) => console.error(m));
    const repo = revisionsRepository(database.db);
    const head = (await repo.ofEngagement(info.engagementId)).filter((r) => r.status === 'executed').sort((a, b) => b.number - a.number)[0];
    const row = head && (await repo.byId(head.id));
    if (!row) throw new Error(`${name}: no executed revision`);
    const input = await loadRevisionAnnexInput(database.db, row, VERIFY_URL);
    const started = performance.now();
    const docx = await buildAnnex(input);
    return { docx, ms: performance.now() - started, cells: input.cells.length, label: `${name} (revision ${row.number})` };
  } finally {
    await database.close();
  }
};

const measure = async (work: string, name: string, make: () => Promise<{ docx: Buffer; ms: number; cells: number | string; label: string }>): Promise<Row> => {
  const built = await make();
  const path = join(work, `${name}.docx`);
  await writeFile(path, built.docx);
  const { pdf, ms } = await docxToPdf(path);
  return { name: built.label, cells: built.cells, buildMs: built.ms, convertMs: ms, pages: await pdfPages(pdf), bytes: built.docx.length };
};

const main = async () => {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : ['demo', 'reference', 'reference_worst'];
  const work = await mkdtemp(join(tmpdir(), 'bunkai-annex-pages-'));
  try {
    console.log('| Annex | Cells | .docx build | LibreOffice → PDF | Pages | Size |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const name of names) {
      const row =
        name === 'demo'
          ? await measure(work, name, async () => ({ ...(await buildSignedDemoAnnex()), cells: '—', label: 'demo (signed revision, via the API)' }))
          : await measure(work, name, () => datasetAnnex(name as DatasetSpec['name']));
      console.log(`| ${row.name} | ${row.cells} | ${(row.buildMs / 1000).toFixed(1)} s | ${(row.convertMs / 1000).toFixed(1)} s | ${row.pages} | ${Math.round(row.bytes / 1024)} KB |`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

await main();
