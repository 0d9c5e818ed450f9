/**
 * The matrix page in headless Chromium against the real API, alone (the same
 * scenario `pnpm bench` runs): generates the datasets, measures, and writes
 * its section of docs/benchmarks-web.md.
 *
 *   npx tsx bench/browser.ts                              reference + stress on PGlite
 *   npx tsx bench/browser.ts --engine postgres --scales stress
 *   npx tsx bench/browser.ts --engine postgres --scales stress --runs 2 --profile --no-write   (CPU profile summary)
 */
import { parseArgs } from 'node:util';
import { destroyCluster, startCluster } from '../packages/db/src/testing/postgres-cluster.ts';
import type { DatasetSpec } from './datasets.ts';
import { withDataset } from './run.ts';
import { BROWSER_RUNS, type BrowserResult, benchBrowser, browserSection, writeBrowserSection } from './scenarios/browser.ts';

const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'pglite' }, scales: { type: 'string', default: 'reference,stress' }, runs: { type: 'string' }, 'no-write': { type: 'boolean', default: false }, profile: { type: 'boolean', default: false } },
});
// Ctrl-C / kill: exit through process.exit so bench/lib/servers.ts kills the API it started.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
const engine = values.engine as 'pglite' | 'postgres';
const log = (msg: string) => console.log(`[browser ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const cluster = engine === 'postgres' ? await startCluster() : null;
const results: BrowserResult[] = [];
try {
  for (const scale of values.scales!.split(',') as DatasetSpec['name'][])
    results.push(await withDataset({ rounds: 1, seconds: 1, log }, engine, scale, cluster, (ctx) => benchBrowser(ctx, Number(values.runs ?? BROWSER_RUNS), values.profile)));
} finally {
  if (cluster) destroyCluster(cluster);
}
if (!values['no-write']) writeBrowserSection(results);
console.log(browserSection(results));
process.exit(0);
