import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRevisionView, TVerifyResponse } from '@bunkai/domain';
import { buildAnnexPdf, generateSelfSignedSealIdentity } from '@bunkai/pdf';
import { executedAnnex } from '../../../../packages/docx/src/fixtures/small-annex.ts';
import type { Member } from '../../src/seed/factories.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'bunkai-verify-pdf-'));
let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;
let r1: TRevisionView;
let pdf: Buffer;

beforeAll(async () => {
  // Its own data directory: the platform's self-signed seal is generated there.
  t = await createTestApp({ DATA_DIR: join(dir, 'pglite') });
  f = createSignoffFactories(t.app);
  w = await f.signoffWorld();
  r1 = await f.freeze(w.owner, w.eid);
  await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner);
  await f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor);
  pdf = await download(w.observer, `/api/v1/revisions/${r1.id}/annex.pdf`);
}, 120_000);
afterAll(() => t.close());

const download = async (who: Member, url: string): Promise<Buffer> => {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${who.session.accessToken}` } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};
const verifyPdf = async (who: Member, file: Buffer, contentType = 'application/pdf') => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: file, headers: { authorization: `Bearer ${who.session.accessToken}`, 'content-type': contentType } });
  return { status: res.statusCode, body: res.json<TVerifyResponse>() };
};
const pdfsig = (bytes: Buffer): string => {
  const file = join(mkdtempSync(join(dir, 'sig-')), 'annex.pdf');
  writeFileSync(file, bytes);
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
};
const flip = (bytes: Buffer, at: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return copy;
};

describe('POST /api/v1/verify with a PDF annex', () => {
  it('matches the sealed PDF of an executed revision by its hash, its seal and its content', async () => {
    const res = await verifyPdf(w.owner, pdf);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      match: true,
      source: 'pdf',
      reason: 'match',
      claimedSha256: r1.sha256,
      recomputedSha256: null,
      engagement: { id: w.eid },
      revision: { id: r1.id, number: 1, status: 'executed' },
      pdf: { sealValid: true, problem: null, timeStamp: null, content: 'identical' },
    });
    expect(res.body.signatures).toHaveLength(2);
    expect(res.body.message).toContain('platform seal is intact');
  }, 60_000);

  it('refuses the file after one byte inside the signed range is flipped, as pdfsig does', async () => {
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(pdf.toString('latin1'))!;
    const signedLength = Number(range[2]);
    // One byte of the page content in the middle of the document, and one digit of the revision hash in the document information.
    for (const at of [Math.floor(signedLength / 2), pdf.indexOf(r1.sha256!)]) {
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(signedLength);
      const tampered = flip(pdf, at);
      const res = await verifyPdf(w.owner, tampered);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ match: false, source: 'pdf', reason: 'seal_invalid', pdf: { sealValid: false, problem: 'digest_mismatch', content: 'not_checked' } });
      expect(pdfsig(tampered)).toContain('Signature Validation: Digest Mismatch.');
    }
    expect(pdfsig(pdf)).toContain('Signature Validation: Signature is Valid.');
  }, 60_000);

  it('refuses bytes appended after the seal, and a PDF sealed with a certificate that is not the platform’s', async () => {
    const appended = await verifyPdf(w.owner, Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
    expect(appended.body).toMatchObject({ match: false, reason: 'seal_invalid', pdf: { problem: 'appended_after_seal' } });
    const foreign = await buildAnnexPdf(executedAnnex(), { identity: generateSelfSignedSealIdentity() });
    expect((await verifyPdf(w.owner, foreign)).body).toMatchObject({ match: false, reason: 'seal_invalid', pdf: { problem: 'unknown_certificate' } });
  }, 60_000);

  it('says content_differs for a sealed PDF of the revision downloaded before a later signature, until it is downloaded again', async () => {
    const w2 = await f.signoffWorld();
    const rev = await f.freeze(w2.owner, w2.eid);
    await f.sign(w2.owner, rev.id, w2.hospitalPartyId, w2.devices!.owner);
    const early = await download(w2.owner, `/api/v1/revisions/${rev.id}/annex.pdf`);
    expect((await verifyPdf(w2.owner, early)).body).toMatchObject({ match: true, revision: { status: 'frozen' } });
    await f.sign(w2.vendor, rev.id, w2.vendorPartyId, w2.devices!.vendor);
    const stale = await verifyPdf(w2.owner, early);
    expect(stale.body).toMatchObject({ match: false, reason: 'content_differs', revision: { id: rev.id, status: 'executed' }, pdf: { sealValid: true, content: 'differs' } });
    const fresh = await download(w2.owner, `/api/v1/revisions/${rev.id}/annex.pdf`);
    expect((await verifyPdf(w2.owner, fresh)).body).toMatchObject({ match: true, pdf: { content: 'identical' } });
  }, 120_000);

  it('tells a draft PDF (no revision hash) apart, recognizes a PDF sent as .docx, and leaks nothing to outsiders', async () => {
    const draft = await download(w.owner, `/api/v1/engagements/${w.eid}/annex.pdf`);
    expect((await verifyPdf(w.owner, draft)).body).toMatchObject({ match: false, source: 'pdf', reason: 'no_properties', claimedSha256: null });
    const asDocx = await verifyPdf(w.owner, pdf, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(asDocx.body).toMatchObject({ match: true, source: 'pdf' });
    const outsider = await verifyPdf(w.outsider, pdf);
    expect(outsider.status).toBe(200);
    expect(outsider.body).toMatchObject({ match: false, reason: 'no_revision' });
    expect(outsider.body.engagement).toBeUndefined();
  }, 60_000);

  it('answers a 20 MB PDF made of a million /ByteRange entries (checked in the PDF worker) with no_properties, not an error', async () => {
    const hostile = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('/ByteRange [0 1 2 3]'.repeat(999_000))]);
    const res = await verifyPdf(w.owner, hostile);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ match: false, source: 'pdf', reason: 'no_properties', pdf: { sealValid: false, problem: 'bad_byte_range' } });
  }, 60_000);
});
