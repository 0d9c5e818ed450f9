import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { unavailable } from '@bunkai/domain';
import type { ImportFile, ImportReadResult } from './import-read.ts';

/**
 * Reading an import file (inflating an .xlsx, parsing XML or CSV) is CPU work on untrusted input, so it runs
 * in one worker thread, never on the API's event loop: health checks and other requests keep answering while
 * a hostile workbook is refused. The worker has its own heap limit, so even a file that slipped past the caps
 * in import-read.ts could only take down that worker (answered 413), and an idle worker exits and hands its
 * memory back.
 */
export type ImportWorkerPoolOptions = {
  /** Reads that may wait for the worker; one more answers 503 `import_busy`. */
  maxQueue?: number;
  /** A read running longer is abandoned (its worker terminated): 503 `import_timeout`. */
  timeoutMs?: number;
  /** Heap limit of the worker, MB. */
  maxHeapMb?: number;
};

export type ImportWorkerPool = { read: (file: ImportFile) => Promise<ImportReadResult>; close: () => Promise<void> };

const BOOTSTRAP = fileURLToPath(new URL('./import-worker.mjs', import.meta.url));

const shuttingDown = () => unavailable('import_unavailable', 'The server is shutting down; try again shortly.');

export const createImportWorkerPool = (opts: ImportWorkerPoolOptions = {}): ImportWorkerPool => {
  const maxQueue = Math.max(0, opts.maxQueue ?? 8);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pool = new Tinypool({
    filename: BOOTSTRAP,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    concurrentTasksPerWorker: 1,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32 },
  });
  let pending = 0;
  let closed = false;

  const read = async (file: ImportFile): Promise<ImportReadResult> => {
    if (closed) throw shuttingDown();
    if (pending >= 1 + maxQueue) throw unavailable('import_busy', `${pending} imports are being read; try again in a minute.`);
    pending += 1;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return (await pool.run(file, { signal: abort.signal })) as ImportReadResult;
    } catch (error) {
      if (closed) throw shuttingDown();
      if (abort.signal.aborted) throw unavailable('import_timeout', `Reading the file took longer than ${Math.round(timeoutMs / 1000)} s.`);
      // The worker ran out of its heap: the file holds more than the server reads.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        return { ok: false, status: 413, code: 'import_too_large', message: 'The file holds more data than an import may; split it and upload the parts.' };
      throw error;
    } finally {
      clearTimeout(timer);
      pending -= 1;
    }
  };

  return {
    read,
    close: async () => {
      closed = true;
      await pool.destroy();
    },
  };
};
