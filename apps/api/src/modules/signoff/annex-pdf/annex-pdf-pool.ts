import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { TAnnexInput } from '@bunkai/docx';
import { isDomainError, unavailable, validationError } from '@bunkai/domain';
import type { PdfVerification, SealIdentity, TPdfContentVerdict, TSignatureEvidence } from '@bunkai/pdf';

/**
 * Worker threads that render and seal PDF annexes: layout with a 7.6 MB font
 * and an RSA signature are CPU work (about 0.5 s for the demo, 7 s for 3,600
 * cells) that must not stall the API's event loop. Same shape as the .docx
 * pool (annex/annex-worker-pool.ts): at most `size` builds at once, a bounded
 * queue (503 `annex_busy`), a timeout that terminates the worker (503 `annex_timeout`), and 503
 * `timestamp_unavailable` when a configured TSA gives no time-stamp.
 */

export type AnnexPdfTask = { input: TAnnexInput; identity: SealIdentity; evidence: Record<string, TSignatureEvidence>; tsaUrl?: string };

export type AnnexPdfPoolOptions = { size?: number; maxQueue?: number; timeoutMs?: number; idleMs?: number };

/** 検証 of an uploaded PDF: a regex scan and a SHA-256 over up to 20 MB, off the event loop as well. */
export type AnnexPdfVerifyTask = { bytes: Uint8Array; trustedCertificates: Uint8Array[]; maxBytes: number };

/** 検証 of a sealed PDF's content: compareAnnexPdf (a rebuild with the file's format, under its seal certificate) in a worker. */
export type AnnexPdfCompareTask = { bytes: Uint8Array; found: PdfVerification; input: TAnnexInput; evidence: Record<string, TSignatureEvidence>; identity: SealIdentity };

export type AnnexPdfPool = {
  build: (task: AnnexPdfTask) => Promise<Buffer>;
  /** verifyPdf in a worker; a file that is no PDF (or too large) answers 400 `invalid_pdf`. */
  verify: (task: AnnexPdfVerifyTask) => Promise<PdfVerification>;
  compare: (task: AnnexPdfCompareTask) => Promise<TPdfContentVerdict>;
  close: () => Promise<void>;
};

const BOOTSTRAP = fileURLToPath(new URL('./annex-pdf-worker.mjs', import.meta.url));

export const createAnnexPdfPool = (opts: AnnexPdfPoolOptions = {}): AnnexPdfPool => {
  const size = Math.min(4, Math.max(1, Math.floor(opts.size ?? 1)));
  const maxQueue = Math.max(0, opts.maxQueue ?? 16);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const pool = new Tinypool({ filename: BOOTSTRAP, minThreads: 0, maxThreads: size, idleTimeout: opts.idleMs ?? 60_000, concurrentTasksPerWorker: 1, execArgv: [] });
  let open = 0;
  let closed = false;

  /** One task in a worker, within the pool's bounds; `name` picks the bootstrap's export. */
  const runTask = async <T>(task: unknown, name: 'default' | 'verify' | 'compare'): Promise<T> => {
    if (closed) throw unavailable('annex_unavailable', 'The server is shutting down; try again shortly.');
    if (open >= size + maxQueue) throw unavailable('annex_busy', `${open} annexes are being built; try again in a minute.`);
    open += 1;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return (await pool.run(task, { signal: abort.signal, name })) as T;
    } catch (error) {
      if (isDomainError(error)) throw error;
      if (abort.signal.aborted) {
        await pool.recycleWorkers();
        throw unavailable('annex_timeout', `Building the annex took longer than ${Math.round(timeoutMs / 1000)} s; try again later.`);
      }
      if (closed) throw unavailable('annex_unavailable', 'The server is shutting down; try again shortly.');
      throw new Error(`PDF annex build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      open -= 1;
    }
  };

  const build = async (task: AnnexPdfTask): Promise<Buffer> => {
    const out = await runTask<ArrayBuffer | { timeStampError: string }>(task, 'default');
    if ('timeStampError' in out) throw unavailable('timestamp_unavailable', `The time-stamping authority (SIGNING_TSA_URL) gave no time-stamp: ${out.timeStampError}. Try again later.`);
    return Buffer.from(out);
  };

  const verify = async (task: AnnexPdfVerifyTask): Promise<PdfVerification> => {
    const out = await runTask<PdfVerification | { notAPdf: string }>(task, 'verify');
    if ('notAPdf' in out) throw validationError('invalid_pdf', out.notAPdf);
    return out;
  };

  return {
    build,
    verify,
    compare: (task) => runTask<TPdfContentVerdict>(task, 'compare'),
    close: async () => {
      closed = true;
      await pool.destroy();
    },
  };
};
