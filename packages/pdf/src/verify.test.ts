import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { executedAnnex, SMALL_SHA256 } from '../../docx/src/fixtures/small-annex.ts';
import { buildAnnexPdf, generateSelfSignedSealIdentity, NotAPdfError, PDF_ANNEX_FORMAT, type SealIdentity, sourceDigest, verifyPdf } from './index.ts';

// Fonts of 7.6 MB are parsed per document, and RSA keys generated: slow on a shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let identity: SealIdentity;
let sealed: Buffer;
beforeAll(async () => {
  identity = generateSelfSignedSealIdentity();
  sealed = await buildAnnexPdf(executedAnnex(), { identity });
});
const trusted = () => ({ trustedCertificates: [identity.certificateDer] });

describe('verifyPdf', () => {
  it('accepts the platform seal and reads the revision hash', () => {
    const result = verifyPdf(sealed, trusted());
    expect(result).toEqual({
      revisionSha256: SMALL_SHA256,
      sealValid: true,
      modified: false,
      problem: null,
      signerFingerprint: identity.fingerprint,
      signer: { subject: identity.subject, certificateDer: new Uint8Array(identity.certificateDer) },
      signedSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      timeStamp: null,
      format: PDF_ANNEX_FORMAT,
      sourceSha256: sourceDigest(executedAnnex()),
    });
    // The signed bytes are everything but the /Contents value: the file's hash with the signature hex left out.
    const start = sealed.lastIndexOf('/Contents <') + '/Contents '.length;
    const end = sealed.indexOf('>', start) + 1;
    expect(result.signedSha256).toBe(createHash('sha256').update(sealed.subarray(0, start)).update(sealed.subarray(end)).digest('hex'));
  });

  it('refuses one flipped byte inside the signed range', () => {
    const at = sealed.indexOf('BT');
    const flipped = Buffer.from(sealed);
    flipped[at + 1] = 0x20;
    expect(verifyPdf(flipped, trusted())).toMatchObject({ sealValid: false, modified: true, problem: 'digest_mismatch' });
  });

  it('refuses bytes appended after the seal', () => {
    expect(verifyPdf(Buffer.concat([sealed, Buffer.from('\n1 0 obj (x) endobj\n')]), trusted())).toMatchObject({ sealValid: false, modified: true, problem: 'appended_after_seal' });
  });

  it('refuses a valid seal by another certificate', async () => {
    const other = generateSelfSignedSealIdentity({ commonName: 'Not Bunkai' });
    const forged = await buildAnnexPdf(executedAnnex(), { identity: other });
    expect(verifyPdf(forged, trusted())).toMatchObject({ sealValid: false, problem: 'unknown_certificate', signerFingerprint: other.fingerprint });
  });

  it('reports an unsealed PDF as such, and refuses what is no PDF or too large', async () => {
    expect(verifyPdf(await buildAnnexPdf(executedAnnex()), trusted())).toMatchObject({ revisionSha256: SMALL_SHA256, sealValid: false, problem: 'no_signature' });
    expect(() => verifyPdf(Buffer.from('PK\u0003\u0004 not a pdf'), trusted())).toThrow(NotAPdfError);
    expect(() => verifyPdf(sealed, { ...trusted(), maxBytes: 1000 })).toThrow(NotAPdfError);
  });

  it('treats a garbled signature value as malformed, not as an error', () => {
    const text = sealed.toString('latin1');
    const start = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const garbled = Buffer.from(sealed);
    garbled.write('3082ffff', start, 'latin1');
    expect(verifyPdf(garbled, trusted())).toMatchObject({ sealValid: false, problem: 'malformed_signature' });
  });
});
