import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type AnnexPdfSource, buildAnnexPdf, compareAnnexPdf, generateSelfSignedSealIdentity, PDF_ANNEX_FORMAT, PDF_ANNEX_FORMAT_1, PDF_ANNEX_FORMAT_2, type SealIdentity, verifyPdf } from './index.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Made by the format-1 builder of a5d41c3 before format 2 landed (fixtures/README.md); never regenerated. */
const FORMAT1_PDF = readFileSync(new URL('./fixtures/annex-format1-executed.pdf', import.meta.url));
const certificateDer = (name: string): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')))).getBytes(), 'binary');
const FORMAT1_CERT = certificateDer('annex-format1-seal.cert.pem');
/** Made by the format-2 builder of 62fb2fd from the same data, before format 3 landed; never regenerated. */
const FORMAT2_PDF = readFileSync(new URL('./fixtures/annex-format2-executed.pdf', import.meta.url));
const FORMAT2_CERT = certificateDer('annex-format2-seal.cert.pem');
/**
 * The data the fixture was built from, kept beside it as JSON: the .docx fixtures it came from
 * (`executedAnnex()` in packages/docx) may change, the sealed file cannot.
 */
const format1Source = (): AnnexPdfSource => JSON.parse(readFileSync(new URL('./fixtures/annex-format1-source.json', import.meta.url), 'utf8')) as AnnexPdfSource;

let today: SealIdentity;
beforeAll(() => {
  // The platform seals with another certificate today: the fixture's key is not kept.
  today = generateSelfSignedSealIdentity({ commonName: 'Bunkai document seal (rotated)' });
});

describe('a PDF made by an earlier builder (format 1)', () => {
  it('still verifies: its seal holds and its sealed content equals the format-1 rebuild of the same data', async () => {
    const found = verifyPdf(FORMAT1_PDF, { trustedCertificates: [today.certificateDer, FORMAT1_CERT] });
    expect(found).toMatchObject({ revisionSha256: '9f2c4e1ab7d3058c6e4f21a9b0d7c35e8a1f6b2d4c9e0375a6b8d1f2e3c4a5b6', sealValid: true, format: PDF_ANNEX_FORMAT_1, sourceSha256: null, signer: { subject: 'CN=Bunkai fixture seal (format 1), O=Bunkai' } });
    const verdict = await compareAnnexPdf(FORMAT1_PDF, found, format1Source(), today);
    expect(verdict).toEqual({ verdict: 'same_content', format: PDF_ANNEX_FORMAT_1, content: 'same_signed_content' });
  });

  it('differs once the data differs (a signer renamed), and today’s builder lays the same data out differently', async () => {
    const found = verifyPdf(FORMAT1_PDF, { trustedCertificates: [FORMAT1_CERT] });
    const source = format1Source();
    const renamed = { ...source, input: { ...source.input, signatures: source.input.signatures.map((s, i) => (i === 0 ? { ...s, signerName: '別人 太郎' } : s)) } };
    expect(await compareAnnexPdf(FORMAT1_PDF, found, renamed, today)).toMatchObject({ verdict: 'content_differs', format: PDF_ANNEX_FORMAT_1 });
    const now = await buildAnnexPdf(source.input, { identity: today, evidence: source.evidence });
    expect(verifyPdf(now, { trustedCertificates: [today.certificateDer] })).toMatchObject({ format: PDF_ANNEX_FORMAT, sealValid: true });
    expect(verifyPdf(now, { trustedCertificates: [today.certificateDer] }).signedSha256).not.toBe(found.signedSha256);
  });
});

describe('a PDF made by the format-2 builder before format 3 landed', () => {
  it('still verifies by its sealed bytes: the format-2 rebuild is byte for byte what was sealed', async () => {
    const found = verifyPdf(FORMAT2_PDF, { trustedCertificates: [today.certificateDer, FORMAT2_CERT] });
    expect(found).toMatchObject({ sealValid: true, format: PDF_ANNEX_FORMAT_2, signer: { subject: 'CN=Bunkai fixture seal (format 2), O=Bunkai' } });
    // same_signed_content (not same_source): everything the seal covers is rebuilt identically.
    expect(await compareAnnexPdf(FORMAT2_PDF, found, format1Source(), today)).toEqual({ verdict: 'same_content', format: PDF_ANNEX_FORMAT_2, content: 'same_signed_content' });
  });

  it('is laid out differently by today’s builder (format 3), and differs once the data differs', async () => {
    const found = verifyPdf(FORMAT2_PDF, { trustedCertificates: [FORMAT2_CERT] });
    const source = format1Source();
    const now = await buildAnnexPdf(source.input, { identity: today, evidence: source.evidence });
    const foundNow = verifyPdf(now, { trustedCertificates: [today.certificateDer] });
    expect(foundNow.format).toBe(PDF_ANNEX_FORMAT);
    expect(PDF_ANNEX_FORMAT).not.toBe(PDF_ANNEX_FORMAT_2);
    // The data is the same, so the source digests agree across formats.
    expect(foundNow.sourceSha256).toBe(found.sourceSha256);
    const renamed = { ...source, input: { ...source.input, signatures: source.input.signatures.map((s, i) => (i === 0 ? { ...s, signerName: '別人 太郎' } : s)) } };
    expect(await compareAnnexPdf(FORMAT2_PDF, found, renamed, today)).toMatchObject({ verdict: 'content_differs', format: PDF_ANNEX_FORMAT_2 });
  });
});

describe('compareAnnexPdf with today’s format', () => {
  it('is exact for the bytes the server builds, same_content through the source digest when only the standing changed', async () => {
    const { input, evidence } = format1Source();
    const pdf = await buildAnnexPdf(input, { identity: today, evidence });
    const found = verifyPdf(pdf, { trustedCertificates: [today.certificateDer] });
    expect(found.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await compareAnnexPdf(pdf, found, { input, evidence }, today)).toEqual({ verdict: 'exact', format: PDF_ANNEX_FORMAT, content: 'identical' });
    // Later, revision 2 is executed: the rebuild prints the new standing, the agreement itself is unchanged.
    const superseded = { ...input, revision: { ...input.revision!, standing: { kind: 'executed_superseded' as const, supersededBy: { number: 2, on: '2026-06-01T00:00:00.000Z' } } } };
    expect(await compareAnnexPdf(pdf, found, { input: superseded, evidence }, today)).toEqual({ verdict: 'same_content', format: PDF_ANNEX_FORMAT, content: 'same_source' });
    const lessEvidence = { ...evidence, [input.signatures[0]!.seal]: { authentication: null, ip: '198.51.100.1', userAgent: 'Other/2' } };
    expect(await compareAnnexPdf(pdf, found, { input, evidence: lessEvidence }, today)).toMatchObject({ verdict: 'content_differs' });
  });
});
