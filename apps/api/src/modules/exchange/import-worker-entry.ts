import { type ImportFile, type ImportReadResult, readImport } from './import-read.ts';

/** Runs in a worker thread: reads one uploaded file into records (see import-worker-pool.ts). */
export const readImportTask = (file: ImportFile): Promise<ImportReadResult> => readImport({ format: file.format, content: Buffer.from(file.content) });
