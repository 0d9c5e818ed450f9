import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRevisionExport, TRevisionView, TVerifyResponse } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { annexWithProperties, storedZip } from './docx-fixture.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;
let r1: TRevisionView;
let exported: TRevisionExport;

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
  w = await f.signoffWorld();
  r1 = await f.freeze(w.owner, w.eid);
  await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner);
  await f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor);
  exported = (await w.owner.http.get<TRevisionExport>(`/api/v1/revisions/${r1.id}/export.json`)).body;
});
afterAll(() => t.close());

const verify = (who: Member, body: unknown) => who.http.post<TVerifyResponse>('/api/v1/verify', body);
const verifyDocx = async (who: Member, file: Buffer) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: file, headers: { authorization: `Bearer ${who.session.accessToken}`, 'content-type': DOCX } });
  return { status: res.statusCode, body: res.json<TVerifyResponse>() };
};

describe('verify a revision export (JSON)', () => {
  it('matches an intact export to its executed revision and says who signed it', async () => {
    for (const who of [w.owner, w.observer]) {
      const res = await verify(who, exported);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        match: true,
        verdict: 'exact',
        standing: { kind: 'executed_current' },
        source: 'json',
        reason: 'match',
        recomputedSha256: r1.sha256,
        claimedSha256: r1.sha256,
        engagement: { id: w.eid, title: '電子カルテ保守 責任分界' },
        revision: { id: r1.id, number: 1, status: 'executed' },
      });
      expect(res.body.signatures!.map((s) => [s.signerName, s.organizationName, s.validFor])).toEqual([
        ['情報システム課 山田', 'ひまわり総合病院', 1],
        ['保守部 佐藤', 'さくらネットワーク株式会社', 1],
      ]);
    }
  });

  it('fails a modified export (one character of the content), explaining the mismatch', async () => {
    const tampered = structuredClone(exported);
    const cells = tampered.canonical.cells as { key: string; terms: { frequency: string } }[];
    const server = cells.find((c) => c.key === 'SO-VUL-1@A1')!;
    expect(server.terms.frequency).toBe('月次');
    server.terms.frequency = '年次';
    const res = await verify(w.owner, tampered);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ match: false, verdict: 'content_differs', reason: 'hash_mismatch', claimedSha256: r1.sha256 });
    expect(res.body.recomputedSha256).not.toBe(r1.sha256);
    expect(res.body.message).toContain(res.body.recomputedSha256!);
    expect(res.body.message).toContain('altered');

    const claimOther = { ...exported, sha256: 'f'.repeat(64) };
    expect((await verify(w.owner, claimOther)).body).toMatchObject({ match: false, reason: 'hash_mismatch', recomputedSha256: r1.sha256 });
  });

  it('never reveals revisions of engagements the caller cannot see', async () => {
    const res = await verify(w.outsider, exported);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ match: false, reason: 'no_revision', recomputedSha256: r1.sha256 });
    expect(res.body.engagement).toBeUndefined();
    expect(res.body.revision).toBeUndefined();
    expect(res.body.signatures).toBeUndefined();
  });

  it('answers bad input with 4xx and a code', async () => {
    expect((await verify(w.owner, { ...exported, format: 'other/1' })).body).toMatchObject({ match: false, reason: 'unknown_format' });
    const missing = await verify(w.owner, { format: 'bunkai-revision/1', sha256: r1.sha256 });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'invalid_export' } });
    const text = await w.owner.http.post('/api/v1/verify', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect((await createHttpClient(t.app).post('/api/v1/verify', exported)).status).toBe(401);
  });
});

describe('verify an annex (.docx)', () => {
  it('a file that only carries the revision hash, with other content, is content_differs (the hash alone proves nothing)', async () => {
    const file = annexWithProperties({ bunkaiRevisionSha256: r1.sha256!, bunkaiEngagementId: w.eid, bunkaiRevisionNumber: '1' });
    const res = await verifyDocx(w.vendor, file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ match: false, verdict: 'content_differs', source: 'docx', claimedSha256: r1.sha256, revision: { number: 1, status: 'executed' }, standing: { kind: 'executed_current' } });
    expect(res.body.differences!.length).toBeGreaterThan(0);
    expect(res.body.signatures).toHaveLength(2);
    expect((await verifyDocx(w.outsider, file)).body).toMatchObject({ match: false, verdict: 'unknown_revision', reason: 'no_revision' });
  });

  it('reports a document without Bunkai properties (or not a docx at all)', async () => {
    expect((await verifyDocx(w.owner, storedZip({ 'word/document.xml': '<w:document/>' }))).body).toMatchObject({ match: false, verdict: 'not_an_annex', reason: 'no_properties' });
    expect((await verifyDocx(w.owner, Buffer.from('not a zip file'))).body).toMatchObject({ match: false, verdict: 'not_an_annex', reason: 'no_properties' });
    const forged = annexWithProperties({ bunkaiRevisionSha256: 'a'.repeat(64) });
    expect((await verifyDocx(w.owner, forged)).body).toMatchObject({ match: false, reason: 'no_revision', claimedSha256: 'a'.repeat(64) });
  });
});
