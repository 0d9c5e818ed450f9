import Tinypool from 'tinypool';
import { buildAnnexPdf } from '@bunkai/pdf';
import type { AnnexPdfTask } from './annex-pdf-pool.ts';

const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/** Runs in a worker thread: renders and seals one annex; the file is transferred, not copied. */
export const buildAnnexPdfTask = async (task: AnnexPdfTask): Promise<ArrayBuffer> => {
  // Buffers arrive as plain Uint8Arrays after the structured clone.
  const identity = { ...task.identity, certificateDer: Buffer.from(task.identity.certificateDer), chainDer: task.identity.chainDer.map((c) => Buffer.from(c)) };
  const pdf = await buildAnnexPdf(task.input, { identity, evidence: task.evidence, ...(task.tsaUrl ? { tsaUrl: task.tsaUrl } : {}) });
  return Tinypool.move(ownBuffer(pdf)) as ArrayBuffer;
};
