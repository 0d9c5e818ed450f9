import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealIdentityFromPem, verifyPdf } from '@bunkai/pdf';
import type { TRevisionView } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { selfSignedSealFile } from '../../src/modules/signoff/annex-pdf/seal-identity.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: SignoffFactories;
const dataRoot = mkdtempSync(join(tmpdir(), 'bunkai-annex-pdf-'));

beforeAll(async () => {
  // Its own data directory: the self-signed seal is generated there on the first PDF.
  t = await createTestApp({ DATA_DIR: join(dataRoot, 'pglite') });
  f = createSignoffFactories(t.app);
});
afterAll(() => t.close());

const frozenWorld = async (): Promise<{ w: SignoffWorld; r1: TRevisionView }> => {
  const w = await f.signoffWorld();
  return { w, r1: await f.freeze(w.owner, w.eid) };
};

const download = async (who: Member | null, url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: who ? { authorization: `Bearer ${who.session.accessToken}` } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
};

const onDisk = (bytes: Buffer): string => {
  const file = join(mkdtempSync(join(dataRoot, 'out-')), 'annex.pdf');
  writeFileSync(file, bytes);
  return file;
};
const platformCertificate = () => sealIdentityFromPem(readFileSync(selfSignedSealFile(t.config.dataDir), 'utf8')).certificateDer;

describe('GET /api/v1/revisions/:id/annex.pdf', () => {
  it('serves the executed revision as a PDF sealed by the platform, with the hash and the signing certificate page', async () => {
    const { w, r1 } = await frozenWorld();
    const signed = [await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner), await f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor)];
    const res = await download(w.observer, `/api/v1/revisions/${r1.id}/annex.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bunkai-annex-${w.eid.replace(/-/g, '').slice(0, 8)}-r1.pdf"`);
    expect(verifyPdf(res.bytes, { trustedCertificates: [platformCertificate()] })).toMatchObject({ revisionSha256: r1.sha256, sealValid: true, modified: false });

    const file = onDisk(res.bytes);
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('署名証明書');
    expect(text).toContain('署名済');
    expect(text).toContain('ひまわり総合病院');
    // What the signing requests recorded (light-my-request's address and user agent), per signature, with its seal.
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('lightMyRequest');
    // Both signers have TOTP enrolled (the world's devices), and the signature row recorded that it was used.
    expect(text.match(/パスワード再入力＋TOTP認証コード/g)).toHaveLength(2);
    for (const { signature } of signed) expect(text).toContain(signature.seal);

    const again = await download(w.owner, `/api/v1/revisions/${r1.id}/annex.pdf`);
    expect(again.bytes.equals(res.bytes)).toBe(true);
  });

  it('answers as the .docx does: 401 without a token, 404 for non-parties and unknown revisions', async () => {
    const { w, r1 } = await frozenWorld();
    expect((await download(null, `/api/v1/revisions/${r1.id}/annex.pdf`)).status).toBe(401);
    expect((await download(w.outsider, `/api/v1/revisions/${r1.id}/annex.pdf`)).status).toBe(404);
    expect((await download(w.owner, '/api/v1/revisions/00000000-0000-4000-8000-000000000000/annex.pdf')).status).toBe(404);
  });
});

describe('GET /api/v1/engagements/:id/annex.pdf', () => {
  it('is a sealed draft without a revision hash; non-parties get 404', async () => {
    const { w } = await frozenWorld();
    const res = await download(w.hospitalMember, `/api/v1/engagements/${w.eid}/annex.pdf`);
    expect(res.status).toBe(200);
    expect(verifyPdf(res.bytes, { trustedCertificates: [platformCertificate()] })).toMatchObject({ revisionSha256: null, sealValid: true });
    expect(execFileSync('pdftotext', [onDisk(res.bytes), '-'], { encoding: 'utf8' })).toContain('草案');
    expect((await download(w.outsider, `/api/v1/engagements/${w.eid}/annex.pdf`)).status).toBe(404);
  });
});
