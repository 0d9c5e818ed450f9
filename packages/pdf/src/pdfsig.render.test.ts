import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { executedAnnex, SMALL_SHA256 } from '../../docx/src/fixtures/small-annex.ts';
import { buildAnnexPdf, generateSelfSignedSealIdentity, type SealIdentity, verifyPdf } from './index.ts';

/** Poppler's pdfsig (Debian poppler-utils) judges the seal as a reader's PDF software would. */
const pdfsig = (bytes: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'bunkai-pdfsig-')), 'annex.pdf');
  writeFileSync(file, bytes);
  // pdfsig exits non-zero when a signature does not validate; its report is what the test reads.
  const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (out.error) throw out.error;
  return out.stdout;
};

let identity: SealIdentity;
let sealed: Buffer;
beforeAll(async () => {
  identity = generateSelfSignedSealIdentity();
  sealed = await buildAnnexPdf(executedAnnex(), { identity });
}, 60_000);

describe('the sealed annex in pdfsig', () => {
  it('is a valid ETSI.CAdES.detached signature over the whole document', () => {
    const report = pdfsig(sealed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: Bunkai document seal (self-signed)`);
  });

  it('reports one byte changed inside the signed range, and verifyPdf refuses it', () => {
    // A digit of the revision hash (first written in the document information or XMP): the kind of edit a forger would make.
    const at = sealed.indexOf(SMALL_SHA256);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(sealed);
    flipped[at] = flipped[at] === 0x30 ? 0x31 : 0x30;
    expect(pdfsig(flipped)).toContain('Signature Validation: Digest Mismatch.');
    expect(verifyPdf(flipped, { trustedCertificates: [identity.certificateDer] })).toMatchObject({ sealValid: false, modified: true, problem: 'digest_mismatch' });
    expect(verifyPdf(sealed, { trustedCertificates: [identity.certificateDer] })).toMatchObject({ sealValid: true, modified: false });
  });
});
