import autocannon, { type AutocannonOptions } from 'autocannon';
import { cpuDuring } from './cpu.ts';

/** One bounded load run, summarised: requests per second over the whole run and latency percentiles (ms). */
export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  /** With `cpuPids`: CPU ms those processes (and their children) spent per request during the run. */
  cpuMsPerRequest?: number;
};

/**
 * Runs autocannon against a loopback server. Every run is bounded by a
 * request count or a duration, never both unbounded. A failed request
 * (error, timeout or non-2xx) is counted and reported, never hidden.
 */
export const runLoad = async (opts: AutocannonOptions, cpuPids: number[] = []): Promise<LoadResult> => {
  if (opts.amount === undefined && opts.duration === undefined) throw new Error('runLoad: bound the run by amount or duration');
  const { result: r, cpuMs } = await cpuDuring(cpuPids, () => autocannon({ pipelining: 1, timeout: 120, ...opts }));
  const requests = r['2xx'] + r.non2xx;
  return {
    ...(cpuPids.length && requests ? { cpuMsPerRequest: cpuMs / requests } : {}),
    rps: requests / Math.max(0.001, r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    min: r.latency.min,
    requests,
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    seconds: r.duration,
  };
};

/** Median of a few repeated measurements (servers alternate so background load hits both alike). */
export const medianBy = <T>(xs: readonly T[], key: (x: T) => number): T => {
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
