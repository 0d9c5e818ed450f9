import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TVerifyResponse } from '@bunkai/domain';
import { generateSelfSignedSealIdentity, sealIdentityFromPem, verifyPdf } from '@bunkai/pdf';
import { executedAnnex } from '../../../../packages/docx/src/fixtures/small-annex.ts';
import { type OpensslTsa, startOpensslTsa } from '../../../../packages/pdf/src/fixtures/openssl-tsa.ts';
import { loadConfig } from '../../src/config.ts';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { createAnnexPdfPool } from '../../src/modules/signoff/annex-pdf/annex-pdf-pool.ts';
import { selfSignedSealFile } from '../../src/modules/signoff/annex-pdf/seal-identity.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** SIGNING_TSA_URL: every PDF seal is time-stamped by that RFC 3161 authority (here OpenSSL's, started by the test). */
const dir = mkdtempSync(join(tmpdir(), 'bunkai-annex-tsa-'));
let tsa: OpensslTsa;
let t: TestApp;
beforeAll(async () => {
  tsa = await startOpensslTsa(mkdtempSync(join(dir, 'tsa-')));
  t = await createTestApp({ DATA_DIR: join(dir, 'pglite'), SIGNING_TSA_URL: tsa.url });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await tsa?.close();
});

describe('the PDF seal with SIGNING_TSA_URL', () => {
  it('carries a time-stamp from the configured TSA over the seal', async () => {
    const w = await createSignoffFactories(t.app).signoffWorld();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${w.eid}/annex.pdf`, headers: { authorization: `Bearer ${w.owner.session.accessToken}` } });
    expect(res.statusCode).toBe(200);
    const platform = sealIdentityFromPem(readFileSync(selfSignedSealFile(t.config.dataDir), 'utf8'));
    const result = verifyPdf(res.rawPayload, { trustedCertificates: [platform.certificateDer] });
    expect(result).toMatchObject({ sealValid: true, problem: null });
    expect(result.timeStamp).not.toBeNull();
  }, 60_000);

  it('verifies a time-stamped revision PDF by its sealed bytes (the rebuild for comparison asks no TSA)', async () => {
    const f = createSignoffFactories(t.app);
    const w = await f.signoffWorld();
    const rev = await f.freeze(w.owner, w.eid);
    const headers = { authorization: `Bearer ${w.owner.session.accessToken}` };
    const pdf = (await t.app.inject({ method: 'GET', url: `/api/v1/revisions/${rev.id}/annex.pdf`, headers })).rawPayload;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: pdf, headers: { ...headers, 'content-type': 'application/pdf' } });
    expect(res.json<TVerifyResponse>()).toMatchObject({ match: true, source: 'pdf', revision: { id: rev.id }, pdf: { sealValid: true, content: 'same_signed_content', timeStamp: { tsaFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
  }, 60_000);

  it('answers 503 timestamp_unavailable when the TSA refuses or cannot be reached, rather than sealing without it', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    const pool = createAnnexPdfPool();
    try {
      const task = { input: executedAnnex(), identity: generateSelfSignedSealIdentity(), evidence: {} };
      const tsaUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/tsa`;
      const expected = { kind: 'unavailable', code: 'timestamp_unavailable' };
      await expect(pool.build({ ...task, tsaUrl })).rejects.toMatchObject(expected);
      // Then nothing listens there any more: connection refused.
      await new Promise<void>((done) => refusing.close(() => done()));
      await expect(pool.build({ ...task, tsaUrl })).rejects.toMatchObject(expected);
    } finally {
      refusing.close();
      await pool.close();
    }
  }, 60_000);

  it('accepts only an http(s) URL', () => {
    const config = (url: string) => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), DATA_DIR: join(dir, 'pglite'), SIGNING_TSA_URL: url });
    expect(config('https://tsa.example.jp/tsa').signingTsaUrl).toBe('https://tsa.example.jp/tsa');
    expect(() => config('ftp://tsa.example.jp/')).toThrow(/SIGNING_TSA_URL/);
    expect(() => config('not a url')).toThrow(/SIGNING_TSA_URL/);
  });
});
