/**
 * `npx tsx packages/pdf/scripts/annex-pdf-pages.ts [large] [reference] [reference_worst]`: builds the PDF annex in
 * formats 2 and 3 and counts pages with poppler's pdfinfo. `large` is packages/docx's large fixture (cells drawn at
 * random); the benchmark datasets are generated on an in-memory PGlite (bench/datasets.ts) and their annex is that
 * of the last executed revision, as scripts/annex-pages.ts does for the .docx. Unsealed: the seal adds no page.
 * Prints one Markdown table row per annex, for docs/annex.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TAnnexInput } from '@bunkai/docx';
import { createDb, revisionsRepository } from '../../db/src/index.ts';
import { largeAnnex } from '../../docx/src/fixtures/large-annex.ts';
import { loadRevisionAnnexInput } from '../../../apps/api/src/modules/signoff/annex/annex-loader.ts';
import { DATASETS, type DatasetSpec, generateDataset } from '../../../bench/datasets.ts';
import { renderAnnexPdfOfFormat, type TPdfBuiltFormat } from '../src/index.ts';

const datasetInput = async (name: DatasetSpec['name']): Promise<TAnnexInput> => {
  const database = await createDb({});
  try {
    await database.migrate();
    const info = await generateDataset(database, DATASETS[name], (m) => console.error(m));
    const repo = revisionsRepository(database.db);
    const head = (await repo.ofEngagement(info.engagementId)).filter((r) => r.status === 'executed').sort((a, b) => b.number - a.number)[0];
    const row = head && (await repo.byId(head.id));
    if (!row) throw new Error(`${name}: no executed revision`);
    return await loadRevisionAnnexInput(database.db, row, 'https://bunkai.example.jp/verify');
  } finally {
    await database.close();
  }
};

const work = mkdtempSync(join(tmpdir(), 'bunkai-annex-pdf-pages-'));
try {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ['large', 'reference'];
  console.log('| Annex | Cells | Format | Pages | Size | Build |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const name of names) {
    const input = name === 'large' ? largeAnnex() : await datasetInput(name as DatasetSpec['name']);
    for (const format of [2, 3] as TPdfBuiltFormat[]) {
      const started = performance.now();
      const pdf = await renderAnnexPdfOfFormat(format, input);
      const ms = performance.now() - started;
      const file = join(work, `${name}-${format}.pdf`);
      writeFileSync(file, pdf);
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
      console.log(`| ${name} | ${input.cells.length} | ${format} | ${pages} | ${(pdf.length / 1048576).toFixed(2)} MB | ${(ms / 1000).toFixed(1)} s |`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
