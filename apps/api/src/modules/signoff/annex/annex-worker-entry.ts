import Tinypool from 'tinypool';
import { type TAnnexContentVerdict, buildAnnex, verifyAnnexContent } from '@bunkai/docx';
import { isDomainError } from '@bunkai/domain';
import type { AnnexTask, TRefusedUpload } from './annex-worker-pool.ts';

/** The file's own ArrayBuffer when it spans it whole (transferable as is), else a copy of exactly its bytes. */
const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/**
 * An upload refused in the worker (a zip bomb, malformed XML) is a domain error; its class does not survive the
 * thread boundary, so it travels as data and the pool turns it back into the 4xx it is.
 */
const verifyTask = async (file: Uint8Array, input: AnnexTask['input']): Promise<TAnnexContentVerdict | TRefusedUpload> => {
  try {
    return await verifyAnnexContent(Buffer.from(file.buffer, file.byteOffset, file.byteLength), input);
  } catch (e) {
    if (isDomainError(e) && e.kind === 'validation') return { refused: { code: e.code, message: e.message, details: e.details } };
    throw e;
  }
};

/** Runs in a worker thread, one task at a time: a build (the finished file is transferred, not copied) or a verification. */
export const buildAnnexTask = async (task: AnnexTask): Promise<ArrayBuffer | TAnnexContentVerdict | TRefusedUpload> =>
  task.kind === 'verify' ? verifyTask(task.file, task.input) : (Tinypool.move(ownBuffer(await buildAnnex(task.input, task.options))) as ArrayBuffer);
