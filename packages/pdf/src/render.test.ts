import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { draftAnnex, executedAnnex, SMALL_SHA256 } from '../../docx/src/fixtures/small-annex.ts';
import { buildAnnexPdf, generateSelfSignedSealIdentity, PDF_INFO_KEYS, renderAnnexPdf, type SealIdentity, verifyPdf } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'bunkai-pdf-'));
const onDisk = (name: string, bytes: Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

// Fonts of 7.6 MB are parsed per document, and RSA keys generated: slow on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let identity: SealIdentity;
beforeAll(() => {
  identity = generateSelfSignedSealIdentity({ now: new Date('2026-01-01T00:00:00Z') });
});

describe('renderAnnexPdf', () => {
  it('gives the same bytes for the same input, sealed or not', async () => {
    const input = { ...executedAnnex(), verifyUrl: 'https://bunkai.example.jp/verify' };
    expect((await renderAnnexPdf(input)).equals(await renderAnnexPdf(input))).toBe(true);
    const [a, b] = [await buildAnnexPdf(input, { identity }), await buildAnnexPdf(input, { identity })];
    expect(a.equals(b)).toBe(true);
  });

  it('records the revision hash in the document information and the XMP packet, and dates the file by the freeze', async () => {
    const input = executedAnnex();
    const pdf = await renderAnnexPdf(input);
    const info = execFileSync('pdfinfo', ['-custom', onDisk('info.pdf', pdf)], { encoding: 'utf8' });
    expect(info).toContain(`${PDF_INFO_KEYS.revisionSha256}:${SMALL_SHA256}`);
    expect(info).toContain(`${PDF_INFO_KEYS.revisionNumber}:${input.revision?.number}`);
    const xmp = execFileSync('pdfinfo', ['-meta', onDisk('meta.pdf', pdf)], { encoding: 'utf8' });
    expect(xmp).toContain(`<bunkai:revisionSha256>${SMALL_SHA256}</bunkai:revisionSha256>`);
    expect(new Date(info.match(/CreationDate:\s+(.+)/)?.[1] ?? '').toISOString()).toBe(new Date(input.revision!.frozenAt!).toISOString());
  });

  it('a draft carries no revision hash', async () => {
    const pdf = await renderAnnexPdf(draftAnnex());
    expect(execFileSync('pdfinfo', ['-custom', onDisk('draft.pdf', pdf)], { encoding: 'utf8' })).not.toContain(PDF_INFO_KEYS.revisionSha256);
    expect(verifyPdf(pdf, { trustedCertificates: [] }).revisionSha256).toBeNull();
  });

  it('embeds the Mincho face as subsets, and only them', async () => {
    const fonts = execFileSync('pdffonts', [onDisk('fonts.pdf', await renderAnnexPdf(executedAnnex()))], { encoding: 'utf8' });
    const rows = fonts.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name, type …, emb, sub, uni
      expect(row).toMatch(/^[A-Z]{6}\+NotoSerifJP-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
    }
  });

  it('prints the signing certificate page with every signature and its evidence', async () => {
    const input = executedAnnex();
    const evidence = Object.fromEntries(input.signatures.map((s) => [s.seal, { authentication: 'パスワード＋TOTP', ip: '203.0.113.9', userAgent: 'TestAgent/1.0' }]));
    const text = execFileSync('pdftotext', ['-layout', onDisk('cert.pdf', await buildAnnexPdf(input, { identity, evidence })), '-'], { encoding: 'utf8' });
    expect(text).toContain('署名証明書');
    for (const s of input.signatures) expect(text).toContain(s.seal);
    expect(text).toContain('203.0.113.9');
    expect(text).toContain('TestAgent/1.0');
    expect(text).toContain(identity.fingerprint);
  });

  it('prints 根拠 as readable citations, never the catalog\'s internal document ids', async () => {
    const text = execFileSync('pdftotext', ['-layout', onDisk('refs.pdf', await buildAnnexPdf(executedAnnex(), { identity })), '-'], { encoding: 'utf8' });
    expect(text).toContain('根拠');
    expect(text).not.toContain('mhlw-gl6-ops');
  });
});
