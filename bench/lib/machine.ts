import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export type Machine = { cpu: string; cores: number; memoryGiB: number; node: string; date: string; commit: string; dirty: boolean };

/** What the figures were measured on: CPU, cores, memory, Node, date and the git commit of the tree. */
export const describeMachine = (): Machine => {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain').length > 0,
  };
};
