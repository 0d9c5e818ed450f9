import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TAnnexInput, TAnnexOptions } from '@bunkai/docx';
import { unavailable } from '@bunkai/domain';

/**
 * A tiny pool of worker threads that build annexes (別紙). buildAnnex is pure
 * CPU — about 5 s for a 3,600-cell engagement — and would stall every other
 * request on the API's event loop, so it runs here, at most `size` at a time,
 * with a bounded queue in front. The finished file comes back as a
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
  stats: () => AnnexWorkerPoolStats;
  close: () => Promise<void>;
};

/** What a worker answers (see annex-worker-entry.ts). */
export type AnnexWorkerReply = { id: number; ok: true; bytes: ArrayBuffer } | { id: number; ok: false; message: string };
export type AnnexWorkerRequest = { id: number; input: TAnnexInput; options: TAnnexOptions };

/** Plain ESM that registers tsx in the worker, so it starts the same under `tsx`, vitest and anything else. */
const BOOTSTRAP = new URL('./annex-worker.mjs', import.meta.url);

type Job = AnnexWorkerRequest & { resolve: (b: Buffer) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker | null; job: Job | null; timer?: NodeJS.Timeout; idle?: NodeJS.Timeout };

export const defaultAnnexPoolSize = (): number => (availableParallelism() > 2 ? 2 : 1);

export const createAnnexWorkerPool = (opts: AnnexWorkerPoolOptions = {}): AnnexWorkerPool => {
  const size = Math.min(4, Math.max(1, Math.floor(opts.size ?? defaultAnnexPoolSize())));
  const maxQueue = Math.max(0, opts.maxQueue ?? 32);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const idleMs = opts.idleMs ?? 60_000;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, job: null }));
  const queue: Job[] = [];
  let nextId = 1;
  let built = 0;
  let closed = false;

  const stop = (slot: Slot) => {
    const w = slot.worker;
    slot.worker = null;
    clearTimeout(slot.idle);
    if (w) void w.terminate();
  };

  /** Ends the slot's job (if it is still the same one) and moves the queue on. */
  const finish = (slot: Slot, job: Job, outcome: { bytes: Buffer } | { error: unknown }) => {
    if (slot.job !== job) return;
    clearTimeout(slot.timer);
    slot.job = null;
    if ('bytes' in outcome) job.resolve(outcome.bytes);
    else job.reject(outcome.error);
    if (slot.worker) {
      slot.worker.unref();
      slot.idle = setTimeout(() => stop(slot), idleMs);
      slot.idle.unref();
    }
    pump();
  };

  const spawn = (slot: Slot): Worker => {
    // A clean execArgv: the bootstrap brings its own TypeScript loader whatever started the parent.
    const w = new Worker(BOOTSTRAP, { execArgv: [] });
    w.on('message', (reply: AnnexWorkerReply) => {
      const job = slot.job;
      if (!job || slot.worker !== w || reply.id !== job.id) return;
      if (reply.ok) {
        built += 1;
        finish(slot, job, { bytes: Buffer.from(reply.bytes) });
      } else finish(slot, job, { error: new Error(`annex build failed: ${reply.message}`) });
    });
    const died = (error: Error) => {
      if (slot.worker !== w) return;
      slot.worker = null;
      if (slot.job) finish(slot, slot.job, { error });
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`annex worker exited with code ${code}`)));
    slot.worker = w;
    return w;
  };

  const start = (slot: Slot, job: Job) => {
    clearTimeout(slot.idle);
    const w = slot.worker ?? spawn(slot);
    slot.job = job;
    w.ref();
    slot.timer = setTimeout(() => {
      stop(slot);
      finish(slot, job, { error: unavailable('annex_timeout', `Building the annex took longer than ${Math.round(timeoutMs / 1000)} s; try again later.`) });
    }, timeoutMs);
    w.postMessage({ id: job.id, input: job.input, options: job.options } satisfies AnnexWorkerRequest);
  };

  const pump = () => {
    for (const slot of slots) {
      if (closed || queue.length === 0) return;
      if (!slot.job) start(slot, queue.shift()!);
    }
  };

  return {
    build: (input, options = {}) =>
      new Promise<Buffer>((resolve, reject) => {
        if (closed) return reject(unavailable('annex_unavailable', 'The server is shutting down; try again shortly.'));
        const busy = slots.every((s) => s.job !== null);
        if (busy && queue.length >= maxQueue)
          return reject(unavailable('annex_busy', `${size + queue.length} annexes are being built; try again in a minute.`));
        queue.push({ id: nextId++, input, options, resolve, reject });
        pump();
      }),

    stats: () => ({
      size,
      workers: slots.filter((s) => s.worker !== null).length,
      busy: slots.filter((s) => s.job !== null).length,
      queued: queue.length,
      built,
    }),

    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(unavailable('annex_unavailable', 'The server is shutting down; try again shortly.'));
      const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
      for (const slot of slots) {
        clearTimeout(slot.idle);
        const job = slot.job;
        slot.worker = null;
        if (job) finish(slot, job, { error: unavailable('annex_unavailable', 'The server is shutting down; try again shortly.') });
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
};
