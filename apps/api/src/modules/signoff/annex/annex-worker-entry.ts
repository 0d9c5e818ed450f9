import Tinypool from 'tinypool';
import { buildAnnex } from '@bunkai/docx';
import type { AnnexTask } from './annex-worker-pool.ts';

/** The file's own ArrayBuffer when it spans it whole (transferable as is), else a copy of exactly its bytes. */
const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/** Runs in a worker thread: one build at a time; the finished file is transferred, not copied. */
export const buildAnnexTask = async (task: AnnexTask): Promise<ArrayBuffer> => Tinypool.move(ownBuffer(await buildAnnex(task.input, task.options))) as ArrayBuffer;
