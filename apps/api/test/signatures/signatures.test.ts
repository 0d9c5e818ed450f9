import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, events, revisions } from '@bunkai/db';
import { type TRevisionView, type TSignatureView, sealInput } from '@bunkai/domain';
import { generateTotp } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import type { Member } from '../../src/seed/factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * Every test builds the sign-off state it needs (its own engagement), so the
 * file passes in any order. The app and the authenticator apps share one
 * manual clock: a signer who needs a fresh TOTP step moves it on, nobody waits.
 */
const clock = manualClock();
let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;
let r1: TRevisionView;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  f = createSignoffFactories(t.app, clock);
  // Read-only for the tests below: nobody signs r1 of this world.
  w = await f.signoffWorld();
  r1 = await f.freeze(w.owner, w.eid);
});
afterAll(() => t.close());

const signUrl = (revisionId: string) => `/api/v1/revisions/${revisionId}/signatures`;
const engagementStatus = async (eid: string) => (await t.database.db.select().from(engagements).where(eq(engagements.id, eid)))[0]!.status;
const eventTypes = async (eid: string) => (await t.database.db.select().from(events).where(eq(events.engagementId, eid))).map((e) => e.type);
const getRevision = async (reader: Member, id: string) =>
  (await reader.http.get<{ revision: TRevisionView; draft: { number: number; changedSinceFrozen: boolean } | null }>(`/api/v1/revisions/${id}`)).body;

/** A fresh engagement frozen into revision 1. */
const frozenWorld = async () => {
  const v = await f.signoffWorld();
  return { v, r1: await f.freeze(v.owner, v.eid) };
};
/** Revision 1 signed by both parties (executed). */
const executedWorld = async () => {
  const { v, r1: r } = await frozenWorld();
  await f.sign(v.owner, r.id, v.hospitalPartyId, v.devices!.owner);
  await f.sign(v.vendor, r.id, v.vendorPartyId, v.devices!.vendor);
  return { v, r1: r };
};
/** Executed revision 1, then two changes: the draft of revision 2. */
const amendedWorld = async () => {
  const x = await executedWorld();
  await f.touchCell(x.v.owner, x.v.cells.switch, '更新作業は夜間に実施');
  await f.touchCell(x.v.owner, x.v.cells.gov, '体制図を更新');
  return x;
};
/** Revision 2 frozen from the amendment, then changed again by the vendor (superseded in content). */
const supersededWorld = async () => {
  const x = await amendedWorld();
  const r2 = await f.freeze(x.v.owner, x.v.eid);
  return { ...x, r2 };
};

describe('signing statement', () => {
  it('shows the signatory the exact statement, naming party, revision number and hash', async () => {
    const res = await w.owner.http.get<{ statement: string; requiresTotp: boolean; revision: { number: number } }>(
      `/api/v1/revisions/${r1.id}/signing-statement?partyId=${w.hospitalPartyId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requiresTotp: true, revision: { number: 1 } });
    const [ja, en] = res.body.statement.split('\n');
    expect(ja).toContain('当事者「ひまわり総合病院」');
    expect(ja).toContain('第1版');
    expect(en).toContain('revision 1');
    for (const line of [ja, en]) expect(line).toContain(r1.sha256!);
    expect((await w.vendor.http.get(`/api/v1/revisions/${r1.id}/signing-statement?partyId=${w.hospitalPartyId}`)).status).toBe(403);
    expect((await w.hospitalMember.http.get(`/api/v1/revisions/${r1.id}/signing-statement?partyId=${w.hospitalPartyId}`)).status).toBe(403);
    expect((await w.outsider.http.get(`/api/v1/revisions/${r1.id}/signing-statement?partyId=${w.hospitalPartyId}`)).status).toBe(404);
    expect((await w.owner.http.get(`/api/v1/revisions/${r1.id}/signing-statement`)).status).toBe(400);
  });
});

describe('who may sign (署名権限)', () => {
  it('refuses non-signatories, another party’s signatory, observers (403), non-parties (404) and anonymous callers (401)', async () => {
    const cases = [
      { who: w.hospitalMember, partyId: w.hospitalPartyId, status: 403, code: 'not_a_signatory' },
      { who: w.vendor, partyId: w.hospitalPartyId, status: 403, code: 'not_your_party' },
      { who: w.observer, partyId: w.observerPartyId, status: 403, code: 'observer_cannot_sign' },
      { who: w.observer, partyId: w.vendorPartyId, status: 403, code: 'not_your_party' },
      { who: w.outsider, partyId: w.hospitalPartyId, status: 404, code: 'not_found' },
      { who: w.owner, partyId: '00000000-0000-4000-8000-000000000000', status: 404, code: 'not_found' },
    ];
    for (const c of cases) {
      const res = await c.who.http.post(signUrl(r1.id), { partyId: c.partyId, password: c.who.password, totp: '123456' });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: c.status, body: { error: { code: c.code } } });
    }
    expect((await createHttpClient(t.app).post(signUrl(r1.id), { partyId: w.hospitalPartyId, password: 'x', totp: '123456' })).status).toBe(401);
    const bad = await w.owner.http.post(signUrl(r1.id), { partyId: w.hospitalPartyId, totp: '123456' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses a wrong password, a missing, wrong or replayed TOTP code (401)', async () => {
    const d = w.devices!.owner;
    const attempt = (body: Record<string, unknown>) => w.owner.http.post(signUrl(r1.id), { partyId: w.hospitalPartyId, password: w.owner.password, ...body });
    expect((await attempt({ password: 'not my password', totp: d.peek() })).body).toMatchObject({ error: { code: 'invalid_password' } });
    expect((await attempt({})).body).toMatchObject({ error: { code: 'totp_required' } });
    const stale = await attempt({ totp: generateTotp(d.secret, clock.now().getTime() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ error: { code: 'invalid_totp' } });
    // The code used to enroll was consumed then; it cannot sign.
    const replay = await attempt({ totp: d.replay() });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'invalid_totp' } });
    expect((await getRevision(w.observer, r1.id)).revision.signatures).toEqual([]);
  });
});

describe('signing and execution', () => {
  it('records a sealed signature for the signer’s own party', async () => {
    const { v: w, r1 } = await frozenWorld();
    const devices = () => w.devices!;
    const code = devices().owner.next();
    const res = await w.owner.http.post<{ signature: TSignatureView; revision: TRevisionView }>(signUrl(r1.id), { partyId: w.hospitalPartyId, password: w.owner.password, totp: code }, { 'user-agent': 'BunkaiTest/1.0' });
    expect(res.status).toBe(201);
    const s = res.body.signature;
    expect(s).toMatchObject({
      revisionId: r1.id,
      partyId: w.hospitalPartyId,
      organizationId: w.owner.session.organization.id,
      signerUserId: w.owner.session.user.id,
      signerName: '情報システム課 山田',
      organizationName: 'ひまわり総合病院',
      revisionSha256: r1.sha256,
      userAgent: 'BunkaiTest/1.0',
      sealVersion: 1,
      validFor: 1,
      sealValid: true,
    });
    expect(s.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(s.ip).toBeTruthy();
    expect(s.statement).toContain('第1版');
    const { seal, sealVersion: _v, validFor: _n, partyDisplayName: _p, organizationName: _o, sealValid: _s, id: _i, ...fields } = s;
    expect(createHash('sha256').update(sealInput({ ...fields, revisionNumber: 1 }), 'utf8').digest('hex')).toBe(seal);
    expect(res.body.revision).toMatchObject({ status: 'frozen' });
    expect(res.body.revision.signingParties.map((p) => p.signed)).toEqual([true, false]);

    // The step is used up now, and the party has signed.
    expect((await w.owner.http.post(signUrl(r1.id), { partyId: w.hospitalPartyId, password: w.owner.password, totp: code })).body).toMatchObject({ error: { code: 'invalid_totp' } });
    const again = await w.owner.http.post(signUrl(r1.id), { partyId: w.hospitalPartyId, password: w.owner.password, totp: devices().owner.peek() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_signed' } });
  });

  it('executes the revision when every (non-observer) party has signed', async () => {
    const { v: w, r1 } = await frozenWorld();
    const devices = () => w.devices!;
    await f.sign(w.owner, r1.id, w.hospitalPartyId, devices().owner);
    const res = await f.sign(w.vendor, r1.id, w.vendorPartyId, devices().vendor);
    expect(res.revision).toMatchObject({ status: 'executed', executedAt: expect.any(String) });
    expect(res.revision.signatures.map((s) => s.partyId)).toEqual([w.hospitalPartyId, w.vendorPartyId]);
    expect(await engagementStatus(w.eid)).toBe('executed');
    expect(await eventTypes(w.eid)).toEqual(expect.arrayContaining(['signature.created', 'revision.executed']));
    const late = await w.vendor.http.post(signUrl(r1.id), { partyId: w.vendorPartyId, password: w.vendor.password, totp: devices().vendor.peek() });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'revision_executed' } });
  });
});

describe('amendment (変更): revision N+1, signatures of N stay valid for N', () => {
  it('opens draft 2 on any change and keeps revision 1 executed with its signatures valid for 1', async () => {
    const { v: w, r1 } = await amendedWorld();
    const { revision, draft } = await getRevision(w.observer, r1.id);
    expect(draft).toEqual({ number: 2, changedSinceFrozen: true });
    expect(revision).toMatchObject({ status: 'executed', matchesLive: false });
    expect(revision.signatures.map((s) => [s.validFor, s.sealValid])).toEqual([
      [1, true],
      [1, true],
    ]);
    const listed = await w.observer.http.get<{ engagementStatus: string }>(`/api/v1/engagements/${w.eid}/revisions`);
    expect(listed.body.engagementStatus).toBe('amending');
  });

  it('tells each party what changed in its own cells since it signed', async () => {
    const { v: w } = await amendedWorld();
    type Changes = { party: { id: string; key: string }; signedRevision: { number: number } | null; changedSinceSigned: boolean; cells: { changed: { key: string; changes: { field: string }[] }[]; added: unknown[]; removed: unknown[] } };
    const vendorView = await w.vendor.http.get<Changes>(`/api/v1/engagements/${w.eid}/changes-since-signed`);
    expect(vendorView.status).toBe(200);
    expect(vendorView.body).toMatchObject({ party: { id: w.vendorPartyId, key: 'P2' }, signedRevision: { number: 1 }, changedSinceSigned: true });
    // The switch cell (vendor R/A) changed; the engagement-wide duty (hospital only) is not the vendor's business.
    expect(vendorView.body.cells.changed.map((c) => [c.key, c.changes.map((x) => x.field)])).toEqual([['SO-VUL-1@A2', ['kickoff.notes']]]);
    const hospitalView = await w.observer.http.get<Changes>(`/api/v1/engagements/${w.eid}/changes-since-signed?partyId=${w.hospitalPartyId}`);
    expect(hospitalView.body.cells.changed.map((c) => c.key)).toEqual(['SO-GOV-1@*', 'SO-VUL-1@A2']);
    const observerOwn = await w.observer.http.get<Changes>(`/api/v1/engagements/${w.eid}/changes-since-signed`);
    expect(observerOwn.body).toMatchObject({ signedRevision: null, changedSinceSigned: false, cells: { changed: [] } });
    expect((await w.outsider.http.get(`/api/v1/engagements/${w.eid}/changes-since-signed`)).status).toBe(404);
    expect((await w.vendor.http.get(`/api/v1/engagements/${w.eid}/changes-since-signed?partyId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('refuses to sign a revision superseded by a later change, and records it as superseded', async () => {
    const { v: w, r2 } = await supersededWorld();
    expect(r2).toMatchObject({ number: 2, status: 'frozen' });
    expect(await engagementStatus(w.eid)).toBe('signing');
    await f.touchCell(w.vendor, w.cells.switch, '夜間作業は事前連絡の上で実施');
    const res = await w.vendor.http.post(signUrl(r2.id), { partyId: w.vendorPartyId, password: w.vendor.password, totp: w.devices!.vendor.peek() });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'revision_superseded', details: { draft: { number: 3, changedSinceFrozen: true } } } });
    const [row] = await t.database.db.select().from(revisions).where(eq(revisions.id, r2.id));
    expect(row!.status).toBe('superseded');
    expect(await engagementStatus(w.eid)).toBe('amending');
    const superseded = await t.database.db.select().from(events).where(and(eq(events.engagementId, w.eid), eq(events.type, 'revision.superseded')));
    expect(superseded.map((e) => e.subjectId)).toEqual([r2.id]);
  });

  it('executes revision 3 with new signatures valid for 3, leaving revision 1’s valid for 1', async () => {
    const { v: w, r1 } = await supersededWorld();
    await f.touchCell(w.vendor, w.cells.switch, '夜間作業は事前連絡の上で実施');
    const devices = () => w.devices!;
    const r3 = await f.freeze(w.owner, w.eid);
    await f.sign(w.owner, r3.id, w.hospitalPartyId, devices().owner);
    const done = await f.sign(w.vendor, r3.id, w.vendorPartyId, devices().vendor);
    expect(done.revision).toMatchObject({ number: 3, status: 'executed' });
    expect(done.revision.signatures.map((s) => s.validFor)).toEqual([3, 3]);
    const one = await getRevision(w.observer, r1.id);
    expect(one.revision.status).toBe('executed');
    expect(one.revision.signatures.map((s) => s.validFor)).toEqual([1, 1]);
    expect(one.draft).toBeNull();
    const listed = await w.owner.http.get<{ revisions: TRevisionView[]; engagementStatus: string }>(`/api/v1/engagements/${w.eid}/revisions`);
    expect(listed.body.revisions.map((r) => [r.number, r.status])).toEqual([
      [1, 'executed'],
      [2, 'superseded'],
      [3, 'executed'],
    ]);
    expect(listed.body.engagementStatus).toBe('executed');
    const since = await w.vendor.http.get<{ signedRevision: { number: number }; changedSinceSigned: boolean }>(`/api/v1/engagements/${w.eid}/changes-since-signed`);
    expect(since.body).toMatchObject({ signedRevision: { number: 3 }, changedSinceSigned: false });
  });
});

describe('two-factor setting', () => {
  it('makes signatories without TOTP enroll first; with the setting off the password suffices', async () => {
    const v = await f.signoffWorld({ enrollTotp: false });
    const rev = await f.freeze(v.owner, v.eid);
    const refused = await v.owner.http.post(signUrl(rev.id), { partyId: v.hospitalPartyId, password: v.owner.password });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'totp_enrollment_required' } });
    const current = (await v.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${v.eid}`)).body.engagement;
    expect((await v.owner.http.patch(`/api/v1/engagements/${v.eid}`, { version: current.version, requireTwoFactorToSign: false })).status).toBe(200);
    const signed = await f.sign(v.owner, rev.id, v.hospitalPartyId, null);
    expect(signed.signature).toMatchObject({ partyId: v.hospitalPartyId, validFor: 1 });
  });
});

describe('archived engagement (アーカイブ済み)', () => {
  it('refuses to sign a frozen revision of an archived engagement (409 engagement_archived) before checking the code; reads stay allowed', async () => {
    const { v, r1: r } = await frozenWorld();
    const eng = (await v.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${v.eid}`)).body.engagement;
    expect((await v.owner.http.patch(`/api/v1/engagements/${v.eid}`, { version: eng.version, archived: true })).status).toBe(200);
    const code = v.devices!.owner.peek();
    const refused = await v.owner.http.post(signUrl(r.id), { partyId: v.hospitalPartyId, password: v.owner.password, totp: code });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'engagement_archived' } });
    // The role rules still come first: a non-signatory hears 403, a non-party 404.
    expect((await v.hospitalMember.http.post(signUrl(r.id), { partyId: v.hospitalPartyId, password: v.hospitalMember.password, totp: code })).status).toBe(403);
    expect((await v.outsider.http.post(signUrl(r.id), { partyId: v.hospitalPartyId, password: v.outsider.password, totp: code })).status).toBe(404);
    expect((await getRevision(v.observer, r.id)).revision.signatures).toEqual([]);
    expect(await eventTypes(v.eid)).not.toContain('signature.created');
    expect((await v.owner.http.get(`/api/v1/revisions/${r.id}/signing-statement?partyId=${v.hospitalPartyId}`)).status).toBe(200);
    // Unarchived, the same code signs: the refusal consumed neither the step nor a failed attempt.
    const now = (await v.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${v.eid}`)).body.engagement;
    expect((await v.owner.http.patch(`/api/v1/engagements/${v.eid}`, { version: now.version, archived: false })).status).toBe(200);
    const signed = await v.owner.http.post<{ signature: TSignatureView }>(signUrl(r.id), { partyId: v.hospitalPartyId, password: v.owner.password, totp: code });
    expect(signed.status).toBe(201);
    expect(signed.body.signature).toMatchObject({ partyId: v.hospitalPartyId, validFor: 1 });
  });
});
