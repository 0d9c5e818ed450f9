import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executedAnnex, SMALL_SHA256 } from '../../docx/src/fixtures/small-annex.ts';
import { type OpensslTsa, startOpensslTsa } from './fixtures/openssl-tsa.ts';
import { buildAnnexPdf, generateSelfSignedSealIdentity, type SealIdentity, TimeStampError, verifyPdf } from './index.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const pdfsig = (bytes: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'bunkai-pdfsig-')), 'annex.pdf');
  writeFileSync(file, bytes);
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
};

let tsa: OpensslTsa;
let identity: SealIdentity;
let stamped: Buffer;
let before: number;
beforeAll(async () => {
  tsa = await startOpensslTsa(mkdtempSync(join(tmpdir(), 'bunkai-tsa-')));
  identity = generateSelfSignedSealIdentity();
  before = Date.now();
  stamped = await buildAnnexPdf(executedAnnex(), { identity, tsaUrl: tsa.url });
});
afterAll(() => new Promise<void>((done) => (tsa ? tsa.close().then(done) : done())));
const trusted = () => ({ trustedCertificates: [identity.certificateDer] });

describe('RFC 3161 time-stamp on the seal (PAdES B-T)', () => {
  it('carries a time-stamp token from the TSA over the seal, and pdfsig still finds the seal valid', () => {
    const result = verifyPdf(stamped, trusted());
    expect(result).toMatchObject({ revisionSha256: SMALL_SHA256, sealValid: true, modified: false, problem: null });
    expect(result.timeStamp?.tsaFingerprint).toBe(createHash('sha256').update(tsa.certificateDer).digest('hex'));
    // openssl ts has one-second precision; the token was made during this build.
    const time = Date.parse(result.timeStamp?.time ?? '');
    expect(time).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(time).toBeLessThanOrEqual(Date.now());
    const report = pdfsig(stamped);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('changes only the signature: the signed bytes equal those of the same annex sealed without a TSA', async () => {
    const plain = await buildAnnexPdf(executedAnnex(), { identity });
    expect(plain.equals(stamped)).toBe(false);
    expect(verifyPdf(stamped, trusted()).signedSha256).toBe(verifyPdf(plain, trusted()).signedSha256);
  });

  it('refuses a token whose own signature was altered (bad_timestamp), and one flipped byte in the signed range (digest_mismatch)', () => {
    // The token is the last element of the CMS, its TSA signature the last bytes before the placeholder's zero padding.
    const contents = stamped.lastIndexOf('/Contents <');
    const end = stamped.indexOf('>', contents);
    const hex = stamped.subarray(contents + '/Contents <'.length, end).toString('latin1');
    const at = contents + '/Contents <'.length + hex.replace(/0+$/, '').length - 1;
    const badToken = Buffer.from(stamped);
    badToken[at] = badToken[at] === 0x31 ? 0x32 : 0x31;
    expect(verifyPdf(badToken, trusted())).toMatchObject({ sealValid: false, problem: 'bad_timestamp', timeStamp: null });

    const flipped = Buffer.from(stamped);
    const hashAt = stamped.indexOf(SMALL_SHA256);
    flipped[hashAt] = flipped[hashAt] === 0x30 ? 0x31 : 0x30;
    expect(verifyPdf(flipped, trusted())).toMatchObject({ sealValid: false, problem: 'digest_mismatch' });
    expect(pdfsig(flipped)).toContain('Signature Validation: Digest Mismatch.');
  });

  it('fails the build when the TSA refuses, rather than sealing without the time-stamp asked for', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    const { port } = refusing.address() as AddressInfo;
    try {
      await expect(buildAnnexPdf(executedAnnex(), { identity, tsaUrl: `http://127.0.0.1:${port}/tsa` })).rejects.toBeInstanceOf(TimeStampError);
    } finally {
      await new Promise<void>((done) => refusing.close(() => done()));
    }
  });
});
