/**
 * `pnpm bench` (→ tsx bench/run.ts): generates the datasets, measures the API
 * against its bare baselines on PGlite and PostgreSQL, runs the web render
 * benchmarks (the matrix in headless Chromium against the real API, and the
 * fixture-fed render bench), and writes docs/benchmarks.md.
 *
 *   pnpm bench                       everything (~15 min on 2 cores)
 *   pnpm bench --quick               smoke run: tiny dataset, PGlite, short loads, no web; writes a temp file
 *   pnpm bench --engines pglite --scales reference --rounds 1 --seconds 4 --no-web --out /tmp/b.md
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb } from '../packages/db/src/index.ts';
import { type Cluster, destroyCluster, startCluster } from '../packages/db/src/testing/postgres-cluster.ts';
import { DATASETS, type DatasetSpec, generateDataset } from './datasets.ts';
import { rawOf } from './lib/raw.ts';
import { describeMachine } from './lib/machine.ts';
import { type DataLocation, ROOT } from './lib/servers.ts';
import { type ScaleResult, renderReport } from './report.ts';
import { benchAnnex } from './scenarios/annex.ts';
import { BROWSER_RUNS, benchBrowser, writeBrowserSection } from './scenarios/browser.ts';
import type { BenchCtx } from './scenarios/context.ts';
import { benchFreeze } from './scenarios/freeze.ts';
import { benchMatrixRead } from './scenarios/matrix-read.ts';
import { runWebBench } from './scenarios/web.ts';
import { benchBulk, benchComments, benchReview, benchStructure } from './scenarios/more-writes.ts';
import { benchWritePath } from './scenarios/write-path.ts';

export type BenchOptions = {
  quick: boolean;
  engines: ('pglite' | 'postgres')[];
  scales: DatasetSpec['name'][];
  rounds: number;
  seconds: number;
  web: boolean;
  out: string;
  log: (msg: string) => void;
};

export const parseOptions = (argv: string[]): BenchOptions => {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      engines: { type: 'string' },
      scales: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      'no-web': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  return {
    quick,
    engines: (values.engines ?? (quick ? 'pglite' : 'pglite,postgres')).split(',') as BenchOptions['engines'],
    scales: (values.scales ?? (quick ? 'tiny' : 'reference,stress')).split(',') as BenchOptions['scales'],
    rounds: Number(values.rounds ?? (quick ? 1 : 2)),
    seconds: Number(values.seconds ?? (quick ? 1 : 6)),
    web: !quick && !values['no-web'],
    out: resolve(values.out ?? (quick ? join(tmpdir(), 'bunkai-benchmarks-quick.md') : join(ROOT, 'docs/benchmarks.md'))),
    log: (msg) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`),
  };
};

/**
 * Generates one dataset on one engine (a fresh PGlite directory or a new
 * PostgreSQL database), runs `fn` on it, and removes the data afterwards.
 * Shared with bench/browser.ts.
 */
export const withDataset = async <T>(
  opts: Pick<BenchOptions, 'rounds' | 'seconds' | 'log'>,
  engine: 'pglite' | 'postgres',
  scale: DatasetSpec['name'],
  cluster: Cluster | null,
  fn: (ctx: BenchCtx) => Promise<T>,
): Promise<T> => {
  const log = (m: string) => opts.log(`${engine}/${scale}: ${m}`);
  const dir = mkdtempSync(join(tmpdir(), 'bunkai-bench-'));
  const dbName = `bench_${scale}_${Date.now().toString(36)}`;
  let data: DataLocation;
  if (engine === 'postgres') {
    const admin = await createDb({ databaseUrl: cluster!.url('postgres'), poolMax: 1 });
    await admin.db.execute(`create database ${dbName}`);
    await admin.close();
    data = { engine, url: cluster!.url(dbName) };
  } else data = { engine, dataDir: join(dir, 'pglite') };
  try {
    const database = await createDb(data.engine === 'postgres' ? { databaseUrl: data.url } : { dataDir: data.dataDir });
    await database.migrate();
    const info = await generateDataset(database, DATASETS[scale], log);
    // Statistics as autovacuum would have gathered them after a bulk load.
    await rawOf(database).query('analyze');
    await database.close();
    return await fn({ data, info, rounds: opts.rounds, seconds: opts.seconds, log });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const admin = await createDb({ databaseUrl: cluster!.url('postgres'), poolMax: 1 });
      await admin.db.execute(`drop database if exists ${dbName} with (force)`);
      await admin.close();
    }
  }
};

/** The engine the browser bench runs on: PostgreSQL (production) when the run has it. */
export const browserEngine = (opts: BenchOptions) => (opts.engines.includes('postgres') ? 'postgres' : opts.engines[0]);

/** One engine × one dataset: read, write, freeze and annex (and the matrix in the browser on one engine). */
const runScale = (opts: BenchOptions, engine: 'pglite' | 'postgres', scale: DatasetSpec['name'], cluster: Cluster | null): Promise<ScaleResult> =>
  withDataset(opts, engine, scale, cluster, async (ctx) => {
    // First, while the matrix is as generated (the write path and the freeze's 一括提案 change cells).
    const browser = opts.web && engine === browserEngine(opts) ? await benchBrowser(ctx, BROWSER_RUNS) : undefined;
    const read = await benchMatrixRead(ctx);
    const write = await benchWritePath(ctx);
    const writes = { review: await benchReview(ctx), comments: await benchComments(ctx), bulk: await benchBulk(ctx), structure: await benchStructure(ctx) };
    const freeze = await benchFreeze(ctx, opts.quick ? 1 : scale === 'stress' ? 2 : 3);
    const annex = await benchAnnex(ctx, freeze.revision, opts.quick || scale === 'stress' ? 1 : 2);
    return { engine, scale, info: ctx.info, read, write, writes, freeze, annex, ...(browser ? { browser } : {}) };
  });

export const runBench = async (opts: BenchOptions): Promise<{ results: ScaleResult[]; markdown: string }> => {
  const started = performance.now();
  const machine = describeMachine();
  opts.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, commit ${machine.commit}`);
  const cluster = opts.engines.includes('postgres') ? await startCluster() : null;
  const results: ScaleResult[] = [];
  try {
    for (const engine of opts.engines) for (const scale of opts.scales) results.push(await runScale(opts, engine, scale, cluster));
  } finally {
    if (cluster) destroyCluster(cluster);
  }
  if (opts.web) writeBrowserSection(results.flatMap((r) => (r.browser ? [r.browser] : [])));
  const web = opts.web ? await runWebBench(opts.log) : null;
  const markdown = renderReport({ machine, results, web, quick: opts.quick, minutes: (performance.now() - started) / 60_000, opts });
  writeFileSync(opts.out, markdown);
  opts.log(`wrote ${opts.out} after ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  return { results, markdown };
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench(parseOptions(process.argv.slice(2))).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
