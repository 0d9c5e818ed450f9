import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealIdentityError, sealIdentityFromP12, verifyPdf } from '@bunkai/pdf';
import { loadConfig } from '../../src/config.ts';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { createSealIdentitySource, selfSignedSealFile } from '../../src/modules/signoff/annex-pdf/seal-identity.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** A production seal as an operator would make it: OpenSSL key and certificate, exported as PKCS#12. */
const dir = mkdtempSync(join(tmpdir(), 'bunkai-seal-p12-'));
const p12 = join(dir, 'seal.p12');
const PASSPHRASE = 'correct horse battery staple';

let t: TestApp;
beforeAll(async () => {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Hospital Seal CA-issued/O=Example'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${PASSPHRASE}`], { stdio: 'ignore' });
  t = await createTestApp({ DATA_DIR: join(dir, 'pglite'), SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: PASSPHRASE });
});
afterAll(() => t?.close());

describe('the PDF seal from SIGNING_P12_PATH', () => {
  it('seals the annex with the configured certificate, and generates no self-signed one', async () => {
    const f = createSignoffFactories(t.app);
    const w = await f.signoffWorld();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${w.eid}/annex.pdf`, headers: { authorization: `Bearer ${w.owner.session.accessToken}` } });
    expect(res.statusCode).toBe(200);
    const configured = sealIdentityFromP12(readFileSync(p12), PASSPHRASE);
    expect(verifyPdf(res.rawPayload, { trustedCertificates: [configured.certificateDer] })).toMatchObject({ sealValid: true, signerFingerprint: configured.fingerprint });
    const file = join(dir, 'annex.pdf');
    writeFileSync(file, res.rawPayload);
    const report = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    expect(report).toContain('Signer Certificate Common Name: Hospital Seal CA-issued');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(existsSync(selfSignedSealFile(t.config.dataDir))).toBe(false);
  });

  it('a wrong passphrase or a missing file fails when the sign-off feature is wired (at boot), not at the first download', () => {
    const config = (extra: Record<string, string>) => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_DIR: join(dir, 'pglite'), ...extra });
    expect(() => createSealIdentitySource(config({ SIGNING_P12_PATH: p12, SIGNING_P12_PASSPHRASE: 'wrong' }))).toThrow(SealIdentityError);
    expect(() => createSealIdentitySource(config({ SIGNING_P12_PATH: join(dir, 'missing.p12') }))).toThrow(/ENOENT/);
  });
});
