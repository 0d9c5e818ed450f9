/**
 * Builds one annex in a fresh process, so its time and peak RSS are its own:
 *   node --import tsx bench/annex-child.ts bunkai <input.json> <out.docx>
 *   node --import tsx bench/annex-child.ts floor <annex.docx>
 * Prints one JSON line: { ms, maxRssMb, bytes, rows }.
 * `bunkai`: buildAnnex from @bunkai/docx (cover, parties and contacts, 資産一覧, the responsibility table, findings,
 * references, signing certificate), written to <out.docx> for the floor.
 * `floor`: what any builder of that very document must at least do — write its parts, the same document XML byte for
 * byte, into a zip with a streaming writer (fflate's `Zip` + `ZipDeflate`, level 6, the main part pushed in 256 KB
 * pieces as a streaming generator hands them over). The parts are read from the annex before the clock starts, so
 * the floor is the zip writing alone: no model, no layout, no XML generation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TAnnexInput } from '../packages/docx/src/index.ts';

const [mode, file, out] = process.argv.slice(2);

type ZipEntry = { mtime?: Date; push: (data: Uint8Array, final?: boolean) => void };
/** What the floor uses of fflate (the bench resolves it from packages/docx and has no types of its own for it). */
type Fflate = {
  unzipSync: (data: Uint8Array) => Record<string, Uint8Array>;
  strFromU8: (data: Uint8Array) => string;
  strToU8: (text: string) => Uint8Array;
  Zip: new (cb: (err: Error | null, chunk: Uint8Array, final: boolean) => void) => { add: (entry: ZipEntry) => void; end: () => void };
  ZipDeflate: new (name: string, opts: { level: number }) => ZipEntry;
};

/** The same fflate the annex package uses (resolved from it: the bench has no dependency of its own). */
const loadFflate = async (): Promise<Fflate> => {
  const entry = createRequire(new URL('../packages/docx/package.json', import.meta.url)).resolve('fflate');
  return (await import(pathToFileURL(entry).href)) as Fflate;
};

type Build = () => Promise<{ buffer: Buffer; rows: number }>;

const PIECE = 256 * 1024;

const floor = async (): Promise<Build> => {
  const { unzipSync, strFromU8, strToU8, Zip, ZipDeflate } = await loadFflate();
  const parts = Object.entries(unzipSync(readFileSync(file!)));
  const documentXml = strFromU8(parts.find(([name]) => name === 'word/document.xml')![1]);
  const mtime = new Date(2026, 0, 1);
  return async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, data] of parts) {
      const entry = new ZipDeflate(name, { level: 6 });
      entry.mtime = mtime;
      zip.add(entry);
      if (name !== 'word/document.xml') {
        entry.push(data, true);
        continue;
      }
      for (let at = 0; at < documentXml.length; at += PIECE) entry.push(strToU8(documentXml.slice(at, at + PIECE)));
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
    const buffer = Buffer.concat(chunks);
    return { buffer, rows: (documentXml.match(/<w:tr>/g) ?? []).length };
  };
};

const bunkai = async (): Promise<Build> => {
  const input = JSON.parse(readFileSync(file!, 'utf8')) as TAnnexInput;
  const { buildAnnex } = await import('../packages/docx/src/index.ts');
  return async () => ({ buffer: await buildAnnex(input), rows: input.cells.length });
};

// Modules load and inputs are read before the clock starts: only the build is timed.
const build = mode === 'floor' ? await floor() : await bunkai();
const started = performance.now();
const { buffer, rows } = await build();
const ms = performance.now() - started;
if (mode === 'bunkai' && out) writeFileSync(out, buffer);
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: buffer.length, rows }));
