/**
 * Builds one annex in a fresh process, so its time and peak RSS are its own:
 *   node --import tsx bench/annex-child.ts bunkai|baseline <input.json>
 * Prints one JSON line: { ms, maxRssMb, bytes, rows }.
 * `bunkai`: buildAnnex from @bunkai/docx (cover, parties and contacts, the
 * 確認表 item tables, the asset × duty matrix, findings, signature page).
 * `baseline`: the docx library alone, one plain table with as many rows as the
 * annex's two big tables together (one per cell each) and the same columns.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TAnnexInput } from '../packages/docx/src/index.ts';

const [mode, file] = process.argv.slice(2);
const input = JSON.parse(readFileSync(file!, 'utf8')) as TAnnexInput;

type DocxLib = {
  Document: new (o: unknown) => unknown;
  Packer: { toBuffer: (d: unknown) => Promise<Buffer> };
  Paragraph: new (o: unknown) => unknown;
  Table: new (o: unknown) => unknown;
  TableRow: new (o: unknown) => unknown;
  TableCell: new (o: unknown) => unknown;
  TextRun: new (t: string) => unknown;
};

/** The same `docx` the annex package uses (resolved from it: the bench has no dependency of its own). */
const loadDocx = async (): Promise<DocxLib> => {
  const cjs = createRequire(new URL('../packages/docx/package.json', import.meta.url)).resolve('docx');
  return (await import(pathToFileURL(cjs.replace(/index\.cjs$/, 'index.mjs')).href)) as DocxLib;
};

type Build = () => Promise<{ buffer: Buffer; rows: number }>;

const baseline = async (): Promise<Build> => {
  const d = await loadDocx();
  return async () => {
  const code = new Map(input.duties.map((x) => [x.id, x.code]));
  const cols = 5 + input.parties.length;
  const rows: unknown[] = [];
  for (let k = 0; k < 2; k++)
    for (const c of input.cells) {
      const cells = Array.from({ length: cols }, (_, i) => {
        const text = i === 0 ? (code.get(c.dutyId) ?? '') : i === 1 ? c.status : i - 2 < input.parties.length ? (c.assignment?.[input.parties[i - 2]!.id] ?? []).join('') : c.terms.remarks;
        return new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun(text)] })] });
      });
      rows.push(new d.TableRow({ children: cells }));
    }
  const doc = new d.Document({ sections: [{ children: [new d.Table({ rows })] }] });
  return { buffer: await d.Packer.toBuffer(doc), rows: rows.length };
  };
};

const bunkai = async (): Promise<Build> => {
  const { buildAnnex } = await import('../packages/docx/src/index.ts');
  return async () => ({ buffer: await buildAnnex(input), rows: input.cells.length * 2 });
};

// Modules load before the clock starts: only the build is timed.
const build = mode === 'baseline' ? await baseline() : await bunkai();
const started = performance.now();
const { buffer, rows } = await build();
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: buffer.length, rows }));
