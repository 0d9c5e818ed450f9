import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRevisionView, TVerifyResponse } from '@bunkai/domain';
import { type SealIdentity, sealIdentityFromP12 } from '@bunkai/pdf';
import type { Member } from '../../src/seed/factories.ts';
import { type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { sealCertificatesFile } from '../../src/modules/signoff/annex-pdf/seal-certificates.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * Certificate rotation (封印証明書の更新): the platform sealed a PDF with certificate A, then restarts sealing with
 * certificate B. The PDF sealed with A must still verify, and say that A sealed it. Two real certificates, made by
 * OpenSSL as an operator would make them.
 */
const dir = mkdtempSync(join(tmpdir(), 'bunkai-seal-rotation-'));
const PASSPHRASE = 'rotation passphrase';
const makeP12 = (name: string, cn: string): string => {
  const [key, cert, p12] = ['key.pem', 'cert.pem', 'seal.p12'].map((f) => join(dir, `${name}-${f}`)) as [string, string, string];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', `/CN=${cn}/O=Example Hospital Platform`], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${PASSPHRASE}`], { stdio: 'ignore' });
  return p12;
};

let first: TestApp;
let rotated: TestApp;
let a: SealIdentity;
let b: SealIdentity;
let w: SignoffWorld;
let r1: TRevisionView;
let sealedWithA: Buffer;
const dataDir = join(dir, 'data', 'pglite');

beforeAll(async () => {
  const [p12A, p12B] = [makeP12('a', 'Bunkai Seal 2025'), makeP12('b', 'Bunkai Seal 2026')];
  [a, b] = [sealIdentityFromP12(readFileSync(p12A), PASSPHRASE), sealIdentityFromP12(readFileSync(p12B), PASSPHRASE)];
  first = await createTestApp({ DATA_DIR: dataDir, SIGNING_P12_PATH: p12A, SIGNING_P12_PASSPHRASE: PASSPHRASE });
  const f = createSignoffFactories(first.app);
  w = await f.signoffWorld();
  r1 = await f.freeze(w.owner, w.eid);
  await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner);
  await f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor);
  sealedWithA = await download(first, w.owner, `/api/v1/revisions/${r1.id}/annex.pdf`);
  // The operator rotates: the same database and data directory, SIGNING_P12_PATH now names certificate B.
  rotated = await createTestApp({ DATA_DIR: dataDir, SIGNING_P12_PATH: p12B, SIGNING_P12_PASSPHRASE: PASSPHRASE }, { database: first.database });
}, 180_000);
afterAll(async () => {
  await rotated?.close();
  await first?.close();
});

const download = async (t: TestApp, who: Member, url: string): Promise<Buffer> => {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${who.session.accessToken}` } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};
const verify = async (t: TestApp, who: Member, file: Buffer) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: file, headers: { authorization: `Bearer ${who.session.accessToken}`, 'content-type': 'application/pdf' } });
  expect(res.statusCode).toBe(200);
  return res.json<TVerifyResponse>();
};
const pdfsig = (bytes: Buffer): string => {
  const file = join(mkdtempSync(join(dir, 'sig-')), 'annex.pdf');
  writeFileSync(file, bytes);
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
};

describe('a PDF sealed before the seal certificate was rotated', () => {
  it('verifies exactly while its certificate is the current one', async () => {
    expect(await verify(first, w.owner, sealedWithA)).toMatchObject({
      match: true,
      verdict: 'exact',
      pdf: { sealValid: true, content: 'identical', format: 'bunkai-annex-pdf/3', sealCertificate: { fingerprint: a.fingerprint, subject: a.subject, current: true } },
    });
    expect(pdfsig(sealedWithA)).toContain('Signer Certificate Common Name: Bunkai Seal 2025');
  }, 60_000);

  it('still verifies after the rotation, by its sealed content, and names the earlier certificate that sealed it', async () => {
    const res = await verify(rotated, w.owner, sealedWithA);
    expect(res).toMatchObject({
      match: true,
      verdict: 'same_content',
      reason: 'match',
      revision: { id: r1.id, status: 'executed' },
      pdf: { sealValid: true, problem: null, content: 'same_signed_content', signerFingerprint: a.fingerprint, sealCertificate: { fingerprint: a.fingerprint, subject: a.subject, current: false } },
    });
    expect(res.message).toContain('earlier platform certificate');
    expect(res.message).toContain(a.fingerprint);
    // The record beside DATA_DIR holds both certificates.
    const record = readFileSync(sealCertificatesFile(rotated.config.dataDir), 'utf8');
    expect(record.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  }, 60_000);

  it('the annex downloaded now is sealed with the new certificate and verifies exactly; a flipped byte still fails', async () => {
    const sealedWithB = await download(rotated, w.owner, `/api/v1/revisions/${r1.id}/annex.pdf`);
    expect(pdfsig(sealedWithB)).toContain('Signer Certificate Common Name: Bunkai Seal 2026');
    expect(await verify(rotated, w.owner, sealedWithB)).toMatchObject({ match: true, verdict: 'exact', pdf: { sealCertificate: { fingerprint: b.fingerprint, current: true } } });
    const flipped = Buffer.from(sealedWithA);
    const at = flipped.indexOf(r1.sha256!);
    flipped[at] = flipped[at] === 0x30 ? 0x31 : 0x30;
    expect(await verify(rotated, w.owner, flipped)).toMatchObject({ match: false, reason: 'seal_invalid', pdf: { problem: 'digest_mismatch' } });
  }, 60_000);

  it('an instance without the record accepts certificate A only when SIGNING_PREVIOUS_CERTIFICATES_PATH lists it', async () => {
    const p12B = join(dir, 'b-seal.p12');
    const elsewhere = await createTestApp({ DATA_DIR: join(dir, 'other', 'pglite'), SIGNING_P12_PATH: p12B, SIGNING_P12_PASSPHRASE: PASSPHRASE }, { database: first.database });
    try {
      expect(await verify(elsewhere, w.owner, sealedWithA)).toMatchObject({ match: false, reason: 'seal_invalid', pdf: { problem: 'unknown_certificate', sealCertificate: null } });
    } finally {
      await elsewhere.close();
    }
    const bundle = join(dir, 'previous.pem');
    writeFileSync(bundle, readFileSync(join(dir, 'a-cert.pem')));
    const configured = await createTestApp(
      { DATA_DIR: join(dir, 'third', 'pglite'), SIGNING_P12_PATH: p12B, SIGNING_P12_PASSPHRASE: PASSPHRASE, SIGNING_PREVIOUS_CERTIFICATES_PATH: bundle },
      { database: first.database },
    );
    try {
      expect(await verify(configured, w.owner, sealedWithA)).toMatchObject({ match: true, verdict: 'same_content', pdf: { sealCertificate: { fingerprint: a.fingerprint, current: false } } });
    } finally {
      await configured.close();
    }
  }, 120_000);
});
