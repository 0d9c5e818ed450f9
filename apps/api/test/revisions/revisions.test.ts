import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, events } from '@bunkai/db';
import { type TRevisionView, canonicalJson } from '@bunkai/domain';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/**
 * The hash of the signoff world's matrix. This file runs in the pglite and
 * the postgres projects: both freezing to this constant proves the canonical
 * form is engine-independent.
 */
const PINNED_SHA256 = 'b0329156c9a442282b491e8bf241c7752aab5e1ff1d263d7df4f64b72f8f58da';

let t: TestApp;
let f: SignoffFactories;

type RevisionsList = { revisions: TRevisionView[]; draft: { number: number; changedSinceFrozen: boolean } | null; engagementStatus: string; liveSha256: string };

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
});
afterAll(() => t.close());

// Every test builds its own engagement, so none depends on what an earlier one froze or changed.
const world = () => f.signoffWorld({ enrollTotp: false });
const frozenWorld = async (): Promise<{ w: SignoffWorld; r1: TRevisionView }> => {
  const w = await world();
  return { w, r1: await f.freeze(w.owner, w.eid) };
};
/** Revision 1 frozen, then the governance cell's notes changed and a spare server added (its cell still unassigned). */
const amendedWorld = async () => {
  const { w, r1 } = await frozenWorld();
  await f.touchCell(w.owner, w.cells.gov, '議事録 第2回を参照');
  const added = await f.addAssets(w.owner, w.eid, [{ name: '予備サーバ', category: 'server' }]);
  return { w, r1, added };
};

const list = async (w: SignoffWorld) => (await w.owner.http.get<RevisionsList>(`/api/v1/engagements/${w.eid}/revisions`)).body;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('freeze (凍結)', () => {
  it('freezes the matrix into revision 1 with the pinned hash, on either engine', async () => {
    const w = await world();
    const r1 = await f.freeze(w.owner, w.eid);
    expect(r1).toMatchObject({ number: 1, status: 'frozen', matchesLive: true, signatures: [], frozenByUserId: w.owner.session.user.id });
    expect(r1.sha256).toBe(PINNED_SHA256);
    expect(r1.signingParties.map((p) => [p.partyId, p.signed])).toEqual([
      [w.hospitalPartyId, false],
      [w.vendorPartyId, false],
    ]);
    const [row] = await t.database.db.select().from(engagements).where(eq(engagements.id, w.eid));
    expect(row!.status).toBe('signing');
    const frozen = await t.database.db.select().from(events).where(and(eq(events.engagementId, w.eid), eq(events.type, 'revision.frozen')));
    expect(frozen.map((e) => e.payload)).toEqual([{ number: 1, sha256: PINNED_SHA256, cells: 3 }]);
    expect(await list(w)).toMatchObject({ draft: null, engagementStatus: 'signing', liveSha256: PINNED_SHA256 });
  });

  it('refuses a freeze when nothing changed (409 no_changes)', async () => {
    const { w } = await frozenWorld();
    const res = await w.owner.http.post(`/api/v1/engagements/${w.eid}/revisions`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'no_changes', details: { revision: { number: 1 } } } });
  });

  it('lets only the owner freeze: 401 without token, 404 for non-parties, 403 for members, signatories and observers', async () => {
    const w = await world();
    const url = `/api/v1/engagements/${w.eid}/revisions`;
    expect((await createHttpClient(t.app).post(url)).status).toBe(401);
    expect((await w.outsider.http.post(url)).status).toBe(404);
    for (const m of [w.hospitalMember, w.vendor, w.observer]) {
      const res = await m.http.post(url);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await w.owner.http.post('/api/v1/engagements/not-a-uuid/revisions')).status).toBe(400);
  });

  it('lets every reader, observers included, read revisions; others get 401/404', async () => {
    const { w, r1 } = await frozenWorld();
    for (const m of [w.owner, w.hospitalMember, w.vendor, w.observer]) {
      const one = await m.http.get<{ revision: TRevisionView }>(`/api/v1/revisions/${r1.id}`);
      expect(one.status).toBe(200);
      expect(one.body.revision).toMatchObject({ id: r1.id, number: 1, sha256: PINNED_SHA256 });
      expect((await m.http.get(`/api/v1/engagements/${w.eid}/revisions`)).status).toBe(200);
    }
    expect((await w.outsider.http.get(`/api/v1/revisions/${r1.id}`)).status).toBe(404);
    expect((await w.outsider.http.get(`/api/v1/engagements/${w.eid}/revisions`)).status).toBe(404);
    expect((await createHttpClient(t.app).get(`/api/v1/revisions/${r1.id}`)).status).toBe(401);
    expect((await w.owner.http.get('/api/v1/revisions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.owner.http.get('/api/v1/revisions/nope')).status).toBe(400);
  });

  it('exports a self-verifying JSON document: hashing `canonical` gives `sha256`', async () => {
    const { w, r1 } = await frozenWorld();
    const res = await w.observer.http.get<{ format: string; sha256: string; number: number; engagementId: string; canonical: Record<string, unknown> }>(`/api/v1/revisions/${r1.id}/export.json`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('bunkai-revision-1-');
    expect(res.body).toMatchObject({ format: 'bunkai-revision/1', number: 1, engagementId: w.eid, sha256: PINNED_SHA256 });
    expect(sha256(canonicalJson(res.body.canonical))).toBe(PINNED_SHA256);
    const text = JSON.stringify(res.body.canonical);
    expect(text).toContain('ひまわり総合病院');
    expect(text).not.toContain(w.eid);
    expect((await w.outsider.http.get(`/api/v1/revisions/${r1.id}/export.json`)).status).toBe(404);
  });
});

describe('amendment (変更と次の版)', () => {
  it('detects a change after freezing by content: revision 1 superseded, draft 2, engagement amending', async () => {
    const { w } = await frozenWorld();
    await f.touchCell(w.owner, w.cells.gov, '議事録 第2回を参照');
    const after = await list(w);
    expect(after.revisions[0]).toMatchObject({ number: 1, status: 'superseded', matchesLive: false });
    expect(after.draft).toEqual({ number: 2, changedSinceFrozen: true });
    expect(after.engagementStatus).toBe('amending');
    expect(after.liveSha256).not.toBe(PINNED_SHA256);
  });

  it('refuses to freeze while a cell is open or a blocking finding remains, listing what blocks', async () => {
    const { w, added } = await amendedWorld();
    expect(added.cellsCreated).toBe(1);
    const res = await w.owner.http.post<{ error: { code: string; details: { openCells: unknown[]; blockingFindings: { code: string }[]; unjoinedParties: unknown[] } } }>(
      `/api/v1/engagements/${w.eid}/revisions`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('freeze_blocked');
    expect(res.body.error.details.openCells).toEqual([{ cellId: expect.any(String), dutyCode: 'SO-VUL-1', assetName: '予備サーバ', status: 'unassigned' }]);
    expect(res.body.error.details.blockingFindings.map((x) => x.code)).toEqual(['unassigned']);
    expect(res.body.error.details.unjoinedParties).toEqual([]);
  });

  it('freezes revision 2 once settled, and diffs it against revision 1 cell by cell and per party', async () => {
    const { w, r1 } = await amendedWorld();
    const m = await f.matrix(w.owner, w.eid);
    const spare = m.cells.find((c) => c.status === 'unassigned')!;
    expect((await f.propose(w.owner, spare, { assignment: { [w.hospitalPartyId]: ['R', 'A'] } })).cell.status).toBe('agreed');
    const r2 = await f.freeze(w.owner, w.eid);
    expect(r2).toMatchObject({ number: 2, status: 'frozen' });
    const all = await list(w);
    expect(all.revisions.map((r) => [r.number, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'frozen'],
    ]);
    expect(all).toMatchObject({ draft: null, engagementStatus: 'signing' });

    type Diff = { from: { number: number }; to: { number: number }; diff: { cells: { added: { key: string }[]; removed: unknown[]; changed: { key: string; changes: unknown[] }[] }; byParty: { partyKey: string; cells: { key: string; rolesBefore: string[]; rolesAfter: string[] }[] }[]; assets: { added: { key: string }[] } } };
    const d = await w.observer.http.get<Diff>(`/api/v1/revisions/${r2.id}/diff?against=${r1.id}`);
    expect(d.status).toBe(200);
    expect(d.body.from.number).toBe(1);
    expect(d.body.to.number).toBe(2);
    expect(d.body.diff.cells.added.map((c) => c.key)).toEqual(['SO-VUL-1@A3']);
    expect(d.body.diff.cells.removed).toEqual([]);
    expect(d.body.diff.cells.changed).toEqual([
      expect.objectContaining({ key: 'SO-GOV-1@*', changes: [{ field: 'kickoff.notes', before: 'キックオフで確認済み', after: '議事録 第2回を参照' }] }),
    ]);
    expect(d.body.diff.assets.added.map((a) => a.key)).toEqual(['A3']);
    expect(d.body.diff.byParty).toEqual([{ partyKey: 'P1', displayName: 'ひまわり総合病院', cells: [{ key: 'SO-VUL-1@A3', dutyCode: 'SO-VUL-1', assetName: '予備サーバ', rolesBefore: [], rolesAfter: ['R', 'A'] }] }]);

    expect((await w.owner.http.get(`/api/v1/revisions/${r2.id}/diff`)).status).toBe(400);
    expect((await w.owner.http.get(`/api/v1/revisions/${r2.id}/diff?against=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await w.outsider.http.get(`/api/v1/revisions/${r2.id}/diff?against=${r1.id}`)).status).toBe(404);
  });

  it('answers 404 for a diff against a revision of another engagement', async () => {
    const { w, r1 } = await frozenWorld();
    const other = await f.signoffWorld({ enrollTotp: false });
    const foreign = await f.freeze(other.owner, other.eid);
    // The same content in another engagement hashes the same (no ids in the canonical form)…
    expect(foreign.sha256).toBe(PINNED_SHA256);
    // …but it is not comparable from this engagement.
    const res = await w.owner.http.get(`/api/v1/revisions/${r1.id}/diff?against=${foreign.id}`);
    expect(res.status).toBe(404);
    // An archived engagement is not frozen again.
    const current = (await other.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${other.eid}`)).body.engagement;
    expect((await other.owner.http.patch(`/api/v1/engagements/${other.eid}`, { version: current.version, archived: true })).status).toBe(200);
    const archived = await other.owner.http.post(`/api/v1/engagements/${other.eid}/revisions`);
    expect(archived.status).toBe(409);
    expect(archived.body).toMatchObject({ error: { code: 'engagement_archived' } });
  });
});

describe('authentication', () => {
  it('answers 401 without a token on every sign-off route', async () => {
    const { w, r1 } = await frozenWorld();
    const anonymous = createHttpClient(t.app);
    const id = r1.id;
    const responses = await Promise.all([
      anonymous.get(`/api/v1/engagements/${w.eid}/revisions`),
      anonymous.get(`/api/v1/engagements/${w.eid}/changes-since-signed`),
      anonymous.get(`/api/v1/revisions/${id}`),
      anonymous.get(`/api/v1/revisions/${id}/export.json`),
      anonymous.get(`/api/v1/revisions/${id}/diff?against=${id}`),
      anonymous.get(`/api/v1/revisions/${id}/signing-statement?partyId=${w.hospitalPartyId}`),
      anonymous.post(`/api/v1/revisions/${id}/signatures`, { partyId: w.hospitalPartyId, password: 'x' }),
      anonymous.get(`/api/v1/engagements/${w.eid}/audit.jsonl`),
      anonymous.get(`/api/v1/engagements/${w.eid}/audit.csv`),
      anonymous.post('/api/v1/verify', {}),
    ]);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 401));
    expect(responses.map((r) => (r.body as { error: { code: string } }).error.code)).toEqual(responses.map(() => 'missing_token'));
    expect((await w.owner.http.get(`/api/v1/engagements/${w.eid}/changes-since-signed?partyId=nope`)).status).toBe(400);
  });
});
