import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { TAnnexContentVerdict, TAnnexInput, TAnnexOptions } from '@bunkai/docx';
import { unavailable, validationError } from '@bunkai/domain';

/**
 * A small pool of worker threads (tinypool) that build annexes (別紙). buildAnnex
 * is pure CPU — about 5 s for a 3,600-cell engagement — and would stall every
 * other request on the API's event loop, so it runs there, at most `size` at a
 * time, with a bounded queue in front. The finished file comes back as a
 * transferred ArrayBuffer (no copy of the bytes between threads).
 */

export type AnnexWorkerPoolOptions = {
  /** Worker threads, 1–4. Default: 2 where more than two cores are available, else 1. */
  size?: number;
  /** Builds that may wait for a free worker; one more answers 503 `annex_busy`. */
  maxQueue?: number;
  /** A build running longer is abandoned (its worker terminated): 503 `annex_timeout`. */
  timeoutMs?: number;
  /** An idle worker exits after this long and hands its memory back; the next build starts a new one. */
  idleMs?: number;
};

export type AnnexWorkerPoolStats = { size: number; workers: number; busy: number; queued: number; built: number };

export type AnnexWorkerPool = {
  build: (input: TAnnexInput, options?: TAnnexOptions) => Promise<Buffer>;
  /** 内容の検証: re-builds the revision's annex and compares an uploaded file with it, in a worker (inflating and parsing are CPU work too). */
  verify: (input: TAnnexInput, file: Buffer) => Promise<TAnnexContentVerdict>;
  stats: () => AnnexWorkerPoolStats;
  close: () => Promise<void>;
};

/** One job for a worker (see annex-worker-entry.ts): build an annex, or verify an uploaded one against its revision. */
export type AnnexTask = { kind?: 'build'; input: TAnnexInput; options: TAnnexOptions } | { kind: 'verify'; input: TAnnexInput; file: Uint8Array };

/** A verification the worker refused (zip bomb, malformed XML): a 400 once back on the main thread. */
export type TRefusedUpload = { refused: { code: string; message: string; details?: unknown } };

/** Plain ESM that registers tsx in the worker, so it starts the same under `tsx`, vitest and anything else. */
const BOOTSTRAP = fileURLToPath(new URL('./annex-worker.mjs', import.meta.url));

export const defaultAnnexPoolSize = (): number => (availableParallelism() > 2 ? 2 : 1);

const shuttingDown = () => unavailable('annex_unavailable', 'The server is shutting down; try again shortly.');

export const createAnnexWorkerPool = (opts: AnnexWorkerPoolOptions = {}): AnnexWorkerPool => {
  const size = Math.min(4, Math.max(1, Math.floor(opts.size ?? defaultAnnexPoolSize())));
  const maxQueue = Math.max(0, opts.maxQueue ?? 32);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  // tinypool rather than piscina: it loads the task file with import() only, so the plain-ESM bootstrap
  // (which registers tsx) starts alike under tsx, vitest and node; and it can recycle idle workers.
  const tinypool = new Tinypool({
    filename: BOOTSTRAP,
    minThreads: 0,
    maxThreads: size,
    idleTimeout: opts.idleMs ?? 60_000,
    concurrentTasksPerWorker: 1,
    // A clean execArgv: the bootstrap brings its own TypeScript loader whatever started the parent.
    execArgv: [],
  });
  /** Builds accepted and not yet answered; their reject is called once, by whoever answers first. */
  const open = new Set<(error: unknown) => void>();
  let built = 0;
  let closed = false;

  const submit = <T>(task: AnnexTask, answer: (raw: unknown) => T) =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(shuttingDown());
      // The bound counts running and waiting builds together (the pool's own queue also holds builds waiting for a worker to start).
      if (open.size >= size + maxQueue) return reject(unavailable('annex_busy', `${open.size} annexes are being built; try again in a minute.`));
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, timeoutMs);
      const settle = (done: () => void) => {
        if (!open.delete(fail)) return;
        clearTimeout(timer);
        done();
      };
      const fail = (error: unknown) => settle(() => reject(error));
      open.add(fail);
      (tinypool.run(task, { signal: abort.signal }) as Promise<unknown>).then(
        (raw) => {
          built += 1;
          settle(() => resolve(answer(raw)));
        },
        (error: unknown) => {
          if (timedOut) {
            // A running build's worker is terminated by the abort; one still waiting leaves the worker started for it idle:
            // recycle idle workers so an overrun build gives back its thread and memory either way.
            const overrun = unavailable('annex_timeout', `Building the annex took longer than ${Math.round(timeoutMs / 1000)} s; try again later.`);
            tinypool.recycleWorkers().then(() => fail(overrun), fail);
          } else if (closed) fail(shuttingDown());
          else fail(new Error(`annex build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        },
      );
    });

  return {
    build: (input, options = {}) => submit({ input, options }, (bytes) => Buffer.from(bytes as ArrayBuffer)),
    verify: async (input, file) => {
      const raw = await submit({ kind: 'verify', input, file }, (r) => r as TAnnexContentVerdict | TRefusedUpload);
      if ('refused' in raw) throw validationError(raw.refused.code, raw.refused.message, raw.refused.details);
      return raw;
    },
    stats: () => {
      const busy = Math.min(open.size, size);
      return { size, workers: tinypool.threads.length, busy, queued: open.size - busy, built };
    },
    close: async () => {
      closed = true;
      for (const fail of [...open]) fail(shuttingDown());
      await tinypool.destroy();
    },
  };
};
