import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of one process in ms (Linux /proc), 0 when it is gone. */
const cpuOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0;
  }
};

const parentOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
};

/** A process and its direct children (a PostgreSQL postmaster's backends), summed. */
export const treeCpuMs = (pid: number): number => {
  let total = cpuOf(pid);
  for (const d of readdirSync('/proc')) if (/^\d+$/.test(d) && parentOf(Number(d)) === pid) total += cpuOf(Number(d));
  return total;
};

/**
 * CPU time spent by `pids` (each with its direct children) while `fn` runs. On a machine shared
 * with other work, throughput swings with the neighbours; CPU per request does much less.
 * Backends that exit during `fn` are not counted (the servers keep theirs pooled).
 */
export const cpuDuring = async <T>(pids: number[], fn: () => Promise<T>): Promise<{ result: T; cpuMs: number }> => {
  const before = pids.map(treeCpuMs);
  const result = await fn();
  const cpuMs = pids.map(treeCpuMs).reduce((a, x, i) => a + x - before[i]!, 0);
  return { result, cpuMs };
};
