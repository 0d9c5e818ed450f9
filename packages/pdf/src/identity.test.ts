import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { executedAnnex } from '../../docx/src/fixtures/small-annex.ts';
import { buildAnnexPdf, generateSelfSignedSealIdentity, SealIdentityError, sealIdentityFromP12, sealIdentityFromPem, sealIdentityToPem, verifyPdf } from './index.ts';

vi.setConfig({ testTimeout: 60_000 });

/** A PKCS#12 file as an operator would make one, with OpenSSL's defaults (AES-256 and PBKDF2 in OpenSSL 3). */
const opensslP12 = (passphrase: string): Buffer => {
  const dir = mkdtempSync(join(tmpdir(), 'bunkai-p12-'));
  const [key, cert, p12] = ['key.pem', 'cert.pem', 'seal.p12'].map((n) => join(dir, n)) as [string, string, string];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Hospital Platform Seal/O=Example'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${passphrase}`], { stdio: 'ignore' });
  return readFileSync(p12);
};

describe('seal identities', () => {
  it('reads an OpenSSL PKCS#12 file and seals with it', async () => {
    const id = sealIdentityFromP12(opensslP12('s3cret'), 's3cret');
    expect(id.subject).toContain('CN=Hospital Platform Seal');
    const pdf = await buildAnnexPdf(executedAnnex(), { identity: id });
    expect(verifyPdf(pdf, { trustedCertificates: [id.certificateDer] })).toMatchObject({ sealValid: true, signerFingerprint: id.fingerprint });
  });

  it('refuses a wrong passphrase with a SealIdentityError', () => {
    expect(() => sealIdentityFromP12(opensslP12('right'), 'wrong')).toThrow(SealIdentityError);
  });

  it('keeps the self-signed identity through its PEM form', () => {
    const id = generateSelfSignedSealIdentity({ commonName: 'Round trip' });
    const back = sealIdentityFromPem(sealIdentityToPem(id));
    expect(back.fingerprint).toBe(id.fingerprint);
    expect(back.subject).toBe('CN=Round trip, O=Bunkai');
    expect(() => sealIdentityFromPem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n')).toThrow();
  });
});
