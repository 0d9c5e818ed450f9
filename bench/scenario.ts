/**
 * Runs chosen scenarios alone on one engine and one dataset, without the rest of `pnpm bench`
 * and without writing docs/benchmarks.md — for profiling and for measuring one change:
 *
 *   npx tsx bench/scenario.ts --engine pglite --scale reference --only write,review --rounds 2 --seconds 6
 *
 * With BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" the servers write CPU profiles.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../packages/db/src/index.ts';
import { type Cluster, destroyCluster, startCluster } from '../packages/db/src/testing/postgres-cluster.ts';
import type { DatasetSpec } from './datasets.ts';
import { withDataset } from './run.ts';
import { WRITE_SCENARIOS } from './scenarios/writes.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: 'reference' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '6' },
    // PostgreSQL: log every statement with its duration (pg log copied to this path at the end) — round trips per request.
    'statement-log': { type: 'string' },
  },
});
const engine = values.engine as 'pglite' | 'postgres';
const names = (values.only ?? Object.keys(WRITE_SCENARIOS).join(',')).split(',') as (keyof typeof WRITE_SCENARIOS)[];
const log = (msg: string) => console.log(`[scenario ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const cluster: Cluster | null = engine === 'postgres' ? await startCluster() : null;
const statementLog = values['statement-log'];
// The postmaster, whose backends' CPU the load runs count beside the server's (bench/lib/cpu.ts).
if (cluster) process.env.BENCH_PG_PID = readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
try {
  await withDataset({ rounds: Number(values.rounds), seconds: Number(values.seconds), log }, engine, values.scale as DatasetSpec['name'], cluster, async (ctx) => {
    if (statementLog && cluster) {
      const admin = await createDb({ databaseUrl: cluster.url('postgres'), poolMax: 1 });
      await admin.db.execute(`alter system set log_min_duration_statement = 0`);
      await admin.db.execute(`select pg_reload_conf()`);
      await admin.close();
    }
    for (const name of names) {
      const r = await WRITE_SCENARIOS[name](ctx);
      const cpu = (x: { cpuMsPerRequest?: number }) => (x.cpuMsPerRequest === undefined ? '?' : x.cpuMsPerRequest.toFixed(2));
      log(`${name}: CPU per request (server${cluster ? ' + PostgreSQL backends' : ''}) API ${cpu(r.api)} ms, bare ${cpu(r.bare)} ms (of the best rounds); rounds' CPU ms/request api ${r.rounds.api.map(cpu).join('/')} bare ${r.rounds.bare.map(cpu).join('/')}`);
      log(`${name}: API ${r.api.rps.toFixed(1)} req/s p50 ${r.api.p50} p99 ${r.api.p99} (${r.api.failed} failed of ${r.api.requests}); bare ${r.bare.rps.toFixed(1)} req/s p50 ${r.bare.p50} p99 ${r.bare.p99} (${r.bare.failed} failed); ratio ${(r.api.rps / r.bare.rps).toFixed(2)}× — rounds api ${r.rounds.api.map((x) => x.rps.toFixed(0)).join('/')} bare ${r.rounds.bare.map((x) => x.rps.toFixed(0)).join('/')}`);
    }
  });
} finally {
  if (cluster && statementLog) copyFileSync(join(cluster.dir, 'log'), statementLog);
  if (cluster) destroyCluster(cluster);
}
process.exit(0);
