import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnex } from './build-annex.ts';
import { SMALL_SHA256, smallAnnex } from './fixtures/small-annex.ts';

const run = promisify(execFile);
const INSTALL = 'apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils';

/** Fails (never skips) when a tool is missing: CI installs them, a silent skip would hide a broken annex. */
const requireTool = async (cmd: string, args: string[]): Promise<void> => {
  try {
    await run(cmd, args, { timeout: 60_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new Error(`'${cmd}' is not installed; the annex rendering test needs it (${INSTALL})`, { cause: error });
    }
    throw error;
  }
};

describe('the annex renders in LibreOffice', () => {
  let dir = '';
  let pdfText = '';
  let fonts = '';

  beforeAll(async () => {
    await requireTool('soffice', ['--version']);
    await requireTool('pdftotext', ['-v']);
    dir = await mkdtemp(join(tmpdir(), 'bunkai-annex-'));
    const docx = join(dir, 'annex.docx');
    await writeFile(docx, await buildAnnex(smallAnnex()));
    // A profile of its own, so parallel runs (and a user's LibreOffice) never share a lock.
    const profile = `file://${join(tmpdir(), `lo-${randomUUID()}`)}`;
    try {
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
        timeout: 110_000,
      });
    } finally {
      await rm(new URL(profile), { recursive: true, force: true });
    }
    const pdf = join(dir, 'annex.pdf');
    await run('pdftotext', ['-layout', pdf, join(dir, 'annex.txt')]);
    pdfText = await readFile(join(dir, 'annex.txt'), 'utf8');
    fonts = (await run('pdffonts', [pdf])).stdout;
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the title, parties, Japanese duty titles, role labels and the hash', () => {
    expect(pdfText).toContain('責任分界合意書');
    for (const name of ['さくら総合病院', '株式会社カルテシステムズ', 'ミナトネット株式会社']) expect(pdfText).toContain(name);
    // Narrow 項目 columns wrap titles, and pdftotext interleaves the lines of neighbouring columns: look for each line.
    const flat = pdfText.replace(/\s+/g, '');
    expect(flat).toContain('セキュリティパッチの適');
    for (const line of ['サイバー攻撃発生時の', 'ネットワーク遮断']) expect(flat).toContain(line);
    for (const label of ['実施', '責任', '協議', '報告']) expect(pdfText).toContain(label);
    expect(pdfText).toContain(SMALL_SHA256);
    expect(pdfText).toMatch(/1\s*\/\s*\d+\s*ページ/);
  });

  it('embeds a CJK font for the Japanese text (no missing-glyph boxes)', () => {
    expect(fonts).toMatch(/CJK/i);
    expect(pdfText).not.toContain('\u25a1'); // □, what a missing glyph may extract as
  });
});
