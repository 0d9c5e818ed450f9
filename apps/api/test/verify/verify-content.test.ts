import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TDuty, type TRevisionView, type TVerifyResponse, catalogItemNumbers } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { replaceInDocument } from '../../../../packages/docx/src/fixtures/edit-docx.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let f: SignoffFactories;

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
});
afterAll(() => t.close());

const annexOf = async (who: Member, revisionId: string): Promise<Buffer> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/revisions/${revisionId}/annex.docx`, headers: { authorization: `Bearer ${who.session.accessToken}` } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};
const verify = async (who: Member, bytes: Buffer): Promise<TVerifyResponse> => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: bytes, headers: { authorization: `Bearer ${who.session.accessToken}`, 'content-type': DOCX } });
  expect(res.statusCode).toBe(200);
  return res.json<TVerifyResponse>();
};
const signBoth = async (w: SignoffWorld, r: TRevisionView) => {
  await f.sign(w.owner, r.id, w.hospitalPartyId, w.devices!.owner);
  return (await f.sign(w.vendor, r.id, w.vendorPartyId, w.devices!.vendor)).revision;
};
describe('POST /api/v1/verify checks the content of an annex (.docx)', () => {
  it('the downloaded annex is exact; an annex downloaded before the last signature is same_content', async () => {
    const w = await f.signoffWorld();
    const r1 = await f.freeze(w.owner, w.eid);
    const unsigned = await annexOf(w.owner, r1.id);
    expect((await signBoth(w, r1)).status).toBe('executed');
    const signed = await annexOf(w.owner, r1.id);
    expect(await verify(w.vendor, signed)).toMatchObject({ match: true, verdict: 'exact', annexFormat: 3, standing: { kind: 'executed_current', supersededBy: null } });
    // The earlier download said 署名待ち and listed fewer signatures: those pages follow the signatures, the agreed content did not change.
    expect(await verify(w.vendor, unsigned)).toMatchObject({ match: true, verdict: 'same_content', standing: { kind: 'executed_current' } });
  });

  it('one edited cell is content_differs, naming the section, item and column', async () => {
    const w = await f.signoffWorld();
    const r1 = await f.freeze(w.owner, w.eid);
    await signBoth(w, r1);
    const tampered = replaceInDocument(await annexOf(w.owner, r1.id), '重大な脆弱性は7日以内', '重大な脆弱性は720日以内');
    const res = await verify(w.observer, tampered);
    expect(res).toMatchObject({ match: false, verdict: 'content_differs', reason: 'content_differs', revision: { number: 1 } });
    // The item is named by the 項番 the web and the exports show (catalogItemNumbers), not by the duty code.
    const duties = (await w.owner.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${w.eid}/duties`)).body.duties;
    const item = catalogItemNumbers(duties).get('SO-VUL-1');
    expect(item).toBe('P2-001');
    expect(res.differences![0]).toMatchObject({ section: expect.stringContaining('責任分担表'), item, expected: expect.stringContaining('7日以内'), found: expect.stringContaining('720日以内') });
    expect(res.differences![0]!.column).toContain('備考');
    expect(res.message).toContain(item);
    expect(res.signatures).toHaveLength(2);
  });

  it('a superseded executed revision and a void one are never a plain match', async () => {
    const w = await f.signoffWorld();
    const r1 = await f.freeze(w.owner, w.eid);
    await signBoth(w, r1);
    const first = await annexOf(w.owner, r1.id);
    await f.touchCell(w.owner, w.cells.server, '第2版で追記');
    const r2 = await f.freeze(w.owner, w.eid);
    const second = await annexOf(w.owner, r2.id);
    await f.touchCell(w.owner, w.cells.server, '第3版で追記');
    const r3 = await f.freeze(w.owner, w.eid);
    const executed3 = await signBoth(w, r3);

    // Downloaded while in force: the cover's 効力 row has changed since (not compared), so the bytes differ, the content does not.
    const old = await verify(w.owner, first);
    expect(old).toMatchObject({ match: false, verdict: 'same_content', reason: 'superseded', standing: { kind: 'executed_superseded', supersededBy: { number: 3, on: executed3.executedAt } } });
    expect(old.message).toContain('superseded by revision 3');
    const voided = await verify(w.owner, second);
    expect(voided).toMatchObject({ match: false, verdict: 'same_content', reason: 'void', standing: { kind: 'void', supersededBy: { number: 3 } } });
    // The revision list says the same.
    const list = (await w.owner.http.get<{ revisions: TRevisionView[] }>(`/api/v1/engagements/${w.eid}/revisions`)).body.revisions;
    expect(list.map((r) => r.standing.kind)).toEqual(['executed_superseded', 'void', 'executed_current']);
  });

  it('the annex re-saved by LibreOffice (soffice --convert-to docx) is same_content', async () => {
    const w = await f.signoffWorld();
    const r1 = await f.freeze(w.owner, w.eid);
    await signBoth(w, r1);
    const original = await annexOf(w.owner, r1.id);
    const dir = await mkdtemp(join(tmpdir(), 'bunkai-verify-'));
    const profile = join(tmpdir(), `lo-${randomUUID()}`);
    try {
      await writeFile(join(dir, 'annex.docx'), original);
      const out = join(dir, 'resaved');
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, join(dir, 'annex.docx')], { timeout: 170_000 });
      const resaved = await readFile(join(out, 'annex.docx'));
      expect(Buffer.compare(resaved, original)).not.toBe(0);
      const res = await verify(w.owner, resaved);
      expect(res.differences ?? []).toEqual([]);
      expect(res).toMatchObject({ match: true, verdict: 'same_content', standing: { kind: 'executed_current' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    }
  }, 200_000);
});
