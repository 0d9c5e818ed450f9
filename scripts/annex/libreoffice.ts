import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const tool = async (cmd: string, args: string[], timeout = 60_000) => {
  try {
    return await run(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`'${cmd}' is not installed: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils`, { cause: error });
    throw error;
  }
};

/** Converts a .docx beside itself to PDF with LibreOffice (a throwaway profile, so runs never share one); returns the PDF's path and the time it took. */
export const docxToPdf = async (docxPath: string, timeoutMs = 1_200_000): Promise<{ pdf: string; ms: number }> => {
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  const started = performance.now();
  try {
    await tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dirname(docxPath), docxPath], timeoutMs);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return { pdf: join(dirname(docxPath), basename(docxPath).replace(/\.docx$/, '.pdf')), ms: performance.now() - started };
};

/** Pages of a PDF, as poppler's pdfinfo counts them. */
export const pdfPages = async (pdf: string): Promise<number> => {
  const { stdout } = await tool('pdfinfo', [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo printed no page count for ${pdf}`);
  return Number(m[1]);
};
