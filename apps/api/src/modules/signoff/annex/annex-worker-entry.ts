import { parentPort } from 'node:worker_threads';
import { buildAnnex } from '@bunkai/docx';
import type { AnnexWorkerReply, AnnexWorkerRequest } from './annex-worker-pool.ts';

/** The file's own ArrayBuffer when it spans it whole (transferable as is), else a copy of exactly its bytes. */
const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/** One build at a time: the pool sends a worker its next job only after the reply. */
const port = parentPort;
if (!port) throw new Error('annex-worker-entry.ts runs only as a worker thread (see annex-worker-pool.ts)');
port.on('message', (job: AnnexWorkerRequest) => {
  buildAnnex(job.input, job.options).then(
    (bytes) => {
      const buffer = ownBuffer(bytes);
      port.postMessage({ id: job.id, ok: true, bytes: buffer } satisfies AnnexWorkerReply, [buffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      port.postMessage({ id: job.id, ok: false, message } satisfies AnnexWorkerReply);
    },
  );
});
