import Tinypool from 'tinypool';
import { type TAnnexContentVerdict, buildAnnex, verifyAnnexContent } from '@bunkai/docx';
import type { AnnexTask } from './annex-worker-pool.ts';

/** The file's own ArrayBuffer when it spans it whole (transferable as is), else a copy of exactly its bytes. */
const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/** Runs in a worker thread, one task at a time: a build (the finished file is transferred, not copied) or a verification. */
export const buildAnnexTask = async (task: AnnexTask): Promise<ArrayBuffer | TAnnexContentVerdict> =>
  task.kind === 'verify'
    ? verifyAnnexContent(Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength), task.input)
    : (Tinypool.move(ownBuffer(await buildAnnex(task.input, task.options))) as ArrayBuffer);
