import Tinypool from 'tinypool';
import { buildAnnexPdf, compareAnnexPdf, NotAPdfError, type PdfVerification, type SealIdentity, type TPdfContentVerdict, TimeStampError, verifyPdf } from '@bunkai/pdf';
import type { AnnexPdfCompareTask, AnnexPdfTask, AnnexPdfVerifyTask } from './annex-pdf-pool.ts';

/** Buffers arrive as plain Uint8Arrays after the structured clone. */
const identityOf = (id: SealIdentity): SealIdentity => ({ ...id, certificateDer: Buffer.from(id.certificateDer), chainDer: id.chainDer.map((c) => Buffer.from(c)) });

const ownBuffer = (bytes: Buffer): ArrayBuffer => {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
};

/**
 * Runs in a worker thread: renders and seals one annex; the file is transferred, not copied. A TSA failure comes
 * back as a value, because an error's class does not survive the thread boundary and the pool must answer 503 for it.
 */
export const buildAnnexPdfTask = async (task: AnnexPdfTask): Promise<ArrayBuffer | { timeStampError: string }> => {
  const identity = identityOf(task.identity);
  try {
    const pdf = await buildAnnexPdf(task.input, { identity, evidence: task.evidence, ...(task.tsaUrl ? { tsaUrl: task.tsaUrl } : {}) });
    return Tinypool.move(ownBuffer(pdf)) as ArrayBuffer;
  } catch (e) {
    // fetch's own failures (refused connection, timeout) mean the same: no time-stamp to be had.
    if (task.tsaUrl && (e instanceof TimeStampError || (e instanceof Error && (e.name === 'TimeoutError' || e.message === 'fetch failed')))) return { timeStampError: e.message };
    throw e;
  }
};

/** Runs in a worker thread: verifyPdf over an uploaded file; a file that is no PDF comes back as a value (see above). */
export const verifyAnnexPdfTask = (task: AnnexPdfVerifyTask): PdfVerification | { notAPdf: string } => {
  try {
    return verifyPdf(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), { trustedCertificates: task.trustedCertificates.map((c) => Buffer.from(c)), maxBytes: task.maxBytes });
  } catch (e) {
    if (e instanceof NotAPdfError) return { notAPdf: e.message };
    throw e;
  }
};

/** Runs in a worker thread: the content of a sealed PDF against the annex of its revision (compareAnnexPdf). */
export const compareAnnexPdfTask = (task: AnnexPdfCompareTask): Promise<TPdfContentVerdict> =>
  compareAnnexPdf(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.found, { input: task.input, evidence: task.evidence }, identityOf(task.identity));
