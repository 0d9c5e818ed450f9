import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TAnnexInput } from '../../packages/docx/src/index.ts';
import { computeFindings } from '../../packages/domain/src/index.ts';
import { createDb, loadSnapshot, revisionsRepository } from '../../packages/db/src/index.ts';
import { ROOT } from '../lib/servers.ts';
import type { BenchCtx } from './context.ts';

export type AnnexRun = { ms: number; maxRssMb: number; bytes: number; rows: number };

/** The annex input of the latest revision (the live matrix equals it right after the freeze benchmark). */
const annexInput = async (ctx: BenchCtx, revision: { number: number; sha256: string }): Promise<TAnnexInput> => {
  const database = await createDb(ctx.data.engine === 'postgres' ? { databaseUrl: ctx.data.url } : { dataDir: ctx.data.dataDir });
  try {
    const { snapshot } = await loadSnapshot(database.db, ctx.info.engagementId);
    const repo = revisionsRepository(database.db);
    const names = await repo.organizationNames(snapshot.parties.map((p) => p.organizationId));
    const [row] = (await repo.ofEngagement(ctx.info.engagementId)).filter((r) => r.number === revision.number);
    return {
      engagement: { ...snapshot.engagement, hospitalName: names.get(ctx.info.hospital.organizationId) ?? '' },
      parties: snapshot.parties,
      organizationNames: Object.fromEntries(snapshot.parties.map((p) => [p.id, names.get(p.organizationId ?? '') ?? p.displayName])),
      assets: snapshot.assets,
      duties: snapshot.duties,
      cells: snapshot.cells.map(({ id, dutyId, assetId, status, assignment, terms, notApplicableReason, kickoff }) => ({ id, dutyId, assetId, status, assignment, terms, notApplicableReason, kickoff })),
      revision: { number: revision.number, sha256: revision.sha256, status: 'frozen', frozenAt: new Date(row?.frozenAt ?? Date.now()).toISOString() },
      signatures: [],
      findings: computeFindings(snapshot).map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
      generatedOn: snapshot.today,
    };
  } finally {
    await database.close();
  }
};

const child = (args: ['bunkai', string, string] | ['floor', string]): Promise<AnnexRun> =>
  new Promise((resolve, reject) => {
    const mode = args[0];
    // A large heap so the stress annex is measured rather than cut off; the peak RSS is reported as measured.
    const p = spawn(process.execPath, ['--max-old-space-size=12288', '--import', 'tsx', 'bench/annex-child.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    p.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as AnnexRun);
      else reject(new Error(`annex child (${mode}) exited ${code}: ${err}`));
    });
  });

/**
 * SLA annex (.docx) generation time and peak RSS, each build in its own process; best of `runs`. The floor (reported
 * as `baseline`) writes the very parts that build produced — the same document XML — into a zip with a streaming
 * writer, also in its own process (bench/annex-child.ts).
 */
export const benchAnnex = async (ctx: BenchCtx, revision: { number: number; sha256: string }, runs: number) =>
  benchAnnexInput(await annexInput(ctx, revision), runs, ctx.log);

/** The same, for an annex input given as is (scripts and one-off measurements call this without a database). */
export const benchAnnexInput = async (input: TAnnexInput, runs: number, log: (msg: string) => void = () => {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bunkai-annex-'));
  try {
    const file = join(dir, 'input.json');
    const docx = join(dir, 'annex.docx');
    writeFileSync(file, JSON.stringify(input));
    const out = { bunkai: [] as AnnexRun[], baseline: [] as AnnexRun[] };
    for (let i = 0; i < runs; i++) {
      out.bunkai.push(await child(['bunkai', file, docx]));
      out.baseline.push(await child(['floor', docx]));
    }
    const pick = (xs: AnnexRun[]) => [...xs].sort((a, b) => a.ms - b.ms)[0]!;
    const result = { bunkai: pick(out.bunkai), baseline: pick(out.baseline) };
    log(`annex: ${result.bunkai.ms.toFixed(0)} ms, ${result.bunkai.maxRssMb.toFixed(0)} MB (floor ${result.baseline.ms.toFixed(0)} ms, ${result.baseline.maxRssMb.toFixed(0)} MB)`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
