import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnexProperties } from '@bunkai/docx';
import type { TRevisionView, TVerifyResponse } from '@bunkai/domain';
import { attachment } from '../../src/modules/signoff/index.ts';
import type { Member } from '../../src/seed/factories.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { documentText, part, unzipDocx } from '../../../../packages/docx/src/fixtures/read-docx.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let f: SignoffFactories;

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
});
afterAll(() => t.close());

// Every test builds its own engagement with revision 1 frozen, so none depends on an earlier test's downloads or signatures.
const frozenWorld = async (): Promise<{ w: SignoffWorld; r1: TRevisionView }> => {
  const w = await f.signoffWorld();
  return { w, r1: await f.freeze(w.owner, w.eid) };
};
/** Revision 1 signed by both parties (executed). */
const signRevision = async (w: SignoffWorld, r1: TRevisionView) => {
  await f.sign(w.owner, r1.id, w.hospitalPartyId, w.devices!.owner);
  return f.sign(w.vendor, r1.id, w.vendorPartyId, w.devices!.vendor);
};

const download = async (who: Member | null, url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: who ? { authorization: `Bearer ${who.session.accessToken}` } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => res.json<{ error: { code: string } }>() };
};
const revisionUrl = (id: string) => `/api/v1/revisions/${id}/annex.docx`;
const draftUrl = (id: string) => `/api/v1/engagements/${id}/annex.docx`;

const bodyText = (bytes: Buffer) => documentText(part(unzipDocx(bytes), 'word/document.xml'));
const headerXml = (bytes: Buffer) => {
  const files = unzipDocx(bytes);
  return Object.keys(files)
    .filter((n) => /^word\/header\d+\.xml$/.test(n))
    .map((n) => part(files, n))
    .join('\n');
};

const verify = async (who: Member, bytes: Buffer): Promise<TVerifyResponse> => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    payload: bytes,
    headers: { authorization: `Bearer ${who.session.accessToken}`, 'content-type': DOCX },
  });
  expect(res.statusCode).toBe(200);
  return res.json<TVerifyResponse>();
};

describe('GET /api/v1/engagements/:id/annex.docx (draft of the live matrix)', () => {
  it('is a .docx marked 草案 DRAFT, without a revision hash', async () => {
    const { w } = await frozenWorld();
    const res = await download(w.owner, draftUrl(w.eid));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bunkai-annex-${w.eid.replace(/-/g, '').slice(0, 8)}-draft.docx"`);
    expect(res.bytes.subarray(0, 2).toString()).toBe('PK');
    const text = bodyText(res.bytes);
    expect(text).toContain('草案 DRAFT');
    expect(text).toContain('未凍結（草案）');
    for (const s of ['ひまわり総合病院', 'さくらネットワーク株式会社', '監査法人みどり', '運用責任者の選任', 'ファームウェア・OSの更新']) expect(text).toContain(s);
    expect(headerXml(res.bytes)).toContain('string="草案 DRAFT"');
    const props = await readAnnexProperties(res.bytes);
    expect(props).toEqual({ engagementId: w.eid, annexFormat: 3 });
    expect(await verify(w.owner, res.bytes)).toMatchObject({ match: false, verdict: 'not_an_annex', reason: 'no_properties' });
  });

  it('may be read by observers; 401 without a token, 404 for non-parties and unknown engagements, 400 for a malformed id', async () => {
    const { w } = await frozenWorld();
    expect((await download(w.observer, draftUrl(w.eid))).status).toBe(200);
    expect((await download(w.hospitalMember, draftUrl(w.eid))).status).toBe(200);
    const anonymous = await download(null, draftUrl(w.eid));
    expect(anonymous.status).toBe(401);
    expect(anonymous.json().error.code).toBeTruthy();
    const outsider = await download(w.outsider, draftUrl(w.eid));
    expect(outsider.status).toBe(404);
    expect(outsider.json().error.code).toBe('not_found');
    expect((await download(w.owner, draftUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await download(w.owner, draftUrl('not-a-uuid'))).status).toBe(400);
  });
});

describe('GET /api/v1/revisions/:id/annex.docx (frozen revision)', () => {
  it('carries the revision hash in its custom properties, and POST /verify recognizes the file', async () => {
    const { w, r1 } = await frozenWorld();
    const res = await download(w.owner, revisionUrl(r1.id));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bunkai-annex-${w.eid.replace(/-/g, '').slice(0, 8)}-r1.docx"`);
    const frozen = res.bytes;
    expect(await readAnnexProperties(frozen)).toEqual({ revisionSha256: r1.sha256, engagementId: w.eid, revisionNumber: 1, annexFormat: 3 });
    const text = bodyText(frozen);
    expect(text).toContain('第1版');
    expect(text).toContain(r1.sha256!);
    expect(text).toContain('署名待ち');
    const result = await verify(w.vendor, frozen);
    expect(result).toMatchObject({ match: true, verdict: 'exact', reason: 'match', claimedSha256: r1.sha256, revision: { id: r1.id, number: 1 }, standing: { kind: 'awaiting_signatures' } });
  });

  it('is byte-identical on two downloads of the same revision', async () => {
    const { w, r1 } = await frozenWorld();
    const first = await download(w.owner, revisionUrl(r1.id));
    expect(first.status).toBe(200);
    const frozen = first.bytes;
    const again = await download(w.observer, revisionUrl(r1.id));
    expect(again.status).toBe(200);
    expect(Buffer.compare(again.bytes, frozen)).toBe(0);
  });

  it('may be read by observers; 401 without a token, 404 for non-parties and unknown revisions', async () => {
    const { w, r1 } = await frozenWorld();
    expect((await download(w.observer, revisionUrl(r1.id))).status).toBe(200);
    expect((await download(null, revisionUrl(r1.id))).status).toBe(401);
    const outsider = await download(w.outsider, revisionUrl(r1.id));
    expect(outsider.status).toBe(404);
    expect(outsider.json().error.code).toBe('not_found');
    expect((await download(w.owner, revisionUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await download(w.owner, revisionUrl('nope'))).status).toBe(400);
  });

  it('once every party signed: 署名済 with signers and seals, no marking, still verifiable and deterministic', async () => {
    const { w, r1 } = await frozenWorld();
    const frozen = (await download(w.owner, revisionUrl(r1.id))).bytes;
    const { revision } = await signRevision(w, r1);
    expect(revision.status).toBe('executed');
    const signed = (await download(w.vendor, revisionUrl(r1.id))).bytes;
    expect(Buffer.compare(signed, frozen)).not.toBe(0);
    const text = bodyText(signed);
    expect(text).toContain('署名済');
    expect(text).not.toContain('未署名');
    for (const s of ['情報システム課 山田', '保守部 佐藤', ...revision.signatures.map((s) => s.seal)]) expect(text).toContain(s);
    expect(headerXml(signed)).not.toContain('WaterMark');
    expect((await verify(w.observer, signed)).match).toBe(true);
    expect(Buffer.compare((await download(w.owner, revisionUrl(r1.id))).bytes, signed)).toBe(0);
  });

  it('states what was frozen, not the live matrix: a later change shows in the draft only', async () => {
    const { w, r1 } = await frozenWorld();
    expect((await signRevision(w, r1)).revision.status).toBe('executed');
    const before = (await download(w.owner, revisionUrl(r1.id))).bytes;
    await f.touchCell(w.owner, w.cells.server, '凍結後に追記した確認メモ');
    const after = (await download(w.owner, revisionUrl(r1.id))).bytes;
    expect(Buffer.compare(after, before)).toBe(0);
    expect(bodyText(after)).not.toContain('凍結後に追記した確認メモ');
    const draft = bodyText((await download(w.owner, draftUrl(w.eid))).bytes);
    expect(draft).toContain('凍結後に追記した確認メモ');
  });
});

describe('content-disposition', () => {
  it('names ASCII files plainly and adds the RFC 5987 form for other names', () => {
    expect(attachment('bunkai-annex-0e5f7a10-r2.docx')).toBe('attachment; filename="bunkai-annex-0e5f7a10-r2.docx"');
    expect(attachment('別紙(第2版).docx')).toBe(
      `attachment; filename="__(_2_).docx"; filename*=UTF-8''${encodeURIComponent('別紙')}%28${encodeURIComponent('第')}2${encodeURIComponent('版')}%29.docx`,
    );
  });
});

describe('content-disposition: unsafe characters', () => {
  it('strips bidirectional overrides and control characters before naming the file', () => {
    const header = attachment('別紙\u202Excod.exe\u0007.docx');
    for (const ch of ['\u202e', '\u0007']) expect(header).not.toContain(ch);
    expect(header).not.toContain('%E2%80%AE');
    expect(header).toBe(`attachment; filename="__xcod.exe.docx"; filename*=UTF-8''${encodeURIComponent('別紙')}xcod.exe.docx`);
    expect(attachment('report\u2066\u2069.docx')).toBe('attachment; filename="report.docx"');
  });
});

describe('annex format 2: contract cover, signing certificate, optional matrix', () => {
  it('prints the main contract the owner records (PATCH /engagements/:id contract) with 甲/乙, 和暦 and precedence', async () => {
    const { w, r1 } = await frozenWorld();
    const current = (await w.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${w.eid}`)).body.engagement;
    const patch = await w.owner.http.patch<{ engagement?: { contract: unknown } }>(`/api/v1/engagements/${w.eid}`, {
      version: current.version,
      contract: {
        title: '電子カルテシステム保守契約',
        number: 'HOS-2026-118',
        date: '2026-04-01',
        designations: { [w.hospitalPartyId]: '甲', [w.vendorPartyId]: '乙' },
        prevails: 'main_contract',
        japaneseEraDates: true,
      },
    });
    expect(patch.status).toBe(200);
    const bad = await w.owner.http.patch(`/api/v1/engagements/${w.eid}`, { version: current.version + 1, contract: { title: 'x', designations: { [w.hospitalPartyId]: 'A' } } });
    expect(bad.status).toBe(400);
    const text = bodyText((await download(w.owner, revisionUrl(r1.id))).bytes);
    expect(text).toContain('| 契約名 Main contract | 電子カルテシステム保守契約 |');
    expect(text).toContain('HOS-2026-118');
    expect(text).toContain('2026年4月1日（令和8年4月1日）');
    expect(text).toContain('甲：ひまわり総合病院');
    expect(text).toContain('乙：さくらネットワーク株式会社');
    expect(text).toContain('主契約の定めが優先する');
    expect(text).toContain('| 効力 Standing | 署名待ち（未締結） Awaiting signatures (not executed) |');
    // Party columns are headed by the contract's designations, with a legend.
    expect(text).toMatch(/当事者の略称：甲＝/);
  });

  it('the signing certificate lists, per signature, the authentication used, client address, user agent and seal', async () => {
    const { w, r1 } = await frozenWorld();
    const { revision } = await signRevision(w, r1);
    const text = bodyText((await download(w.owner, revisionUrl(r1.id))).bytes);
    expect(text).toContain('署名証明書');
    expect(text).toContain('| 本人確認の方法 | パスワード再入力＋TOTP（ワンタイムコード） |');
    expect(text).toMatch(/\| 接続元アドレス \| 127\.0\.0\.1 \|/);
    expect(text).toMatch(/\| 利用環境（User-Agent） \| .+ \|/);
    for (const s of revision.signatures) expect(text).toContain(s.seal);
    expect(text).toContain(r1.sha256!);
    // The test server's public URL is a loopback address: no link and no QR code is printed.
    expect(text).not.toContain('localhost');
    expect(text).not.toContain('127.0.0.1/verify');
  });

  it('appends the asset × duty matrix only when asked (?matrix=1), and verify re-builds it the same way', async () => {
    const { w, r1 } = await frozenWorld();
    const plain = bodyText((await download(w.owner, revisionUrl(r1.id))).bytes);
    expect(plain).not.toContain('資産×責任項目マトリクス Asset');
    const withMatrix = (await download(w.owner, `${revisionUrl(r1.id)}?matrix=1`)).bytes;
    expect(bodyText(withMatrix)).toContain('付録 資産×責任項目マトリクス');
    expect(await verify(w.vendor, withMatrix)).toMatchObject({ verdict: 'exact', match: true });
  });
});
