import type { DatasetInfo } from '../datasets.ts';
import type { LoadResult } from '../lib/load.ts';
import { type DataLocation, type RunningServer, startApi, startBare } from '../lib/servers.ts';
import { accessToken } from '../lib/tokens.ts';

/** What every scenario gets: where the data is, what the dataset holds, and how long to load it. */
export type BenchCtx = {
  data: DataLocation;
  info: DatasetInfo;
  /** Alternating rounds (API, bare, API, bare…); the best round of each side is kept. */
  rounds: number;
  /** Seconds per load run. */
  seconds: number;
  log: (msg: string) => void;
};

/**
 * The processes whose CPU a load run counts: the server, and the PostgreSQL postmaster (its
 * backends) when bench/scenario.ts names it in BENCH_PG_PID.
 */
export const serverPids = (s: RunningServer): number[] => [s.child.pid!, ...(process.env.BENCH_PG_PID ? [Number(process.env.BENCH_PG_PID)] : [])];

export const ownerToken = (ctx: BenchCtx) => accessToken(ctx.info.owner);
export const partyToken = (ctx: BenchCtx, role: string) => {
  const p = ctx.info.parties.find((x) => x.role === role)!;
  return accessToken({ userId: p.adminUserId, organizationId: p.organizationId, orgRole: 'admin' });
};

export const withServer = async <T>(start: () => Promise<RunningServer>, fn: (s: RunningServer) => Promise<T>): Promise<T> => {
  const s = await start();
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
};

/** The higher-throughput round: on a shared machine, the least disturbed one. */
export const best = (xs: readonly LoadResult[]): LoadResult => [...xs].sort((a, b) => b.rps - a.rps)[0]!;

/**
 * Runs `api` and `bare` in alternating rounds, each on its own freshly started
 * server (PGlite allows one process per data directory), and keeps the best
 * round of each.
 */
export const alternate = async (
  ctx: BenchCtx,
  api: (s: RunningServer) => Promise<LoadResult>,
  bare: (s: RunningServer) => Promise<LoadResult>,
): Promise<{ api: LoadResult; bare: LoadResult; rounds: { api: LoadResult[]; bare: LoadResult[] } }> => {
  const rounds = { api: [] as LoadResult[], bare: [] as LoadResult[] };
  for (let i = 0; i < ctx.rounds; i++) {
    rounds.api.push(await withServer(() => startApi(ctx.data), api));
    rounds.bare.push(await withServer(() => startBare(ctx.data), bare));
  }
  return { api: best(rounds.api), bare: best(rounds.bare), rounds };
};

export const getJson = async <T>(url: string, token?: string): Promise<T> => {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

export const postJson = async <T>(url: string, body: unknown, token: string, expect = [200, 201]): Promise<T> => {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!expect.includes(res.status)) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
