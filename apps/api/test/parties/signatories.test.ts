import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events } from '@bunkai/db';
import type { TSignatory } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { ROLES, type World, structureWorld } from './world.ts';

let t: TestApp;
let w: World;
let vendorUser: Member;

beforeAll(async () => {
  t = await createTestApp();
  w = await structureWorld(t.app);
  vendorUser = await w.f.addMember(w.vendor, { displayName: '署名者 花子' });
});
afterAll(() => t.close());

const url = (partyId: string, userId = '') => `/api/v1/parties/${partyId}/signatories${userId ? `/${userId}` : ''}`;
const eventsOf = async (type: string, partyId: string) =>
  t.database.db.select().from(events).where(and(eq(events.engagementId, w.engagement.id), eq(events.type, type), eq(events.subjectId, partyId)));

let n = 0;
/** A vendor party of its own with a second user, so each test starts with no signatory on it. */
const freshParty = async () => {
  const admin = await w.f.registerOrganization({ name: `署名テスト${++n}社`, kind: 'vendor' });
  const { partyId } = await w.f.inviteAndAccept(w.owner, w.engagement.id, { role: 'other', displayName: `署名テスト${n}` }, admin);
  const user = await w.f.addMember(admin, { displayName: '署名者 花子' });
  return { admin, partyId, user };
};
const grant = async (p: Awaited<ReturnType<typeof freshParty>>) => expect((await p.admin.http.put(url(p.partyId, p.user.session.user.id))).status).toBe(200);

describe('signatory right (署名権限)', () => {
  it("the party organization's admin grants it to its own user; the user then signs as signatory", async () => {
    const p = await freshParty();
    const res = await p.admin.http.put<{ signatory: TSignatory }>(url(p.partyId, p.user.session.user.id));
    expect(res.status).toBe(200);
    expect(res.body.signatory).toMatchObject({ partyId: p.partyId, userId: p.user.session.user.id, displayName: '署名者 花子', grantedByUserId: p.admin.session.user.id });
    const summary = await p.user.http.get<{ engagement: { myRoles: string[] } }>(`/api/v1/engagements/${w.engagement.id}`);
    expect(summary.body.engagement.myRoles).toEqual(['member', 'signatory']);
    const list = await w.observer.http.get<{ signatories: TSignatory[] }>(url(p.partyId));
    expect(list.status).toBe(200);
    expect(list.body.signatories.map((s) => s.userId)).toEqual([p.user.session.user.id]);
    expect(await eventsOf('signatory.granted', p.partyId)).toHaveLength(1);
  });

  it('granting twice is idempotent and appends no second event', async () => {
    const p = await freshParty();
    await grant(p);
    const again = await p.admin.http.put(url(p.partyId, p.user.session.user.id));
    expect(again.status).toBe(200);
    expect(await eventsOf('signatory.granted', p.partyId)).toHaveLength(1);
  });

  it('the owner (another organization) cannot grant on a vendor party; nor can a non-admin of the party', async () => {
    const byOwner = await w.owner.http.put(url(w.vendorPartyId, vendorUser.session.user.id));
    expect(byOwner.status).toBe(403);
    expect(byOwner.body).toMatchObject({ error: { code: 'party_admin_only' } });
    const byUser = await vendorUser.http.put(url(w.vendorPartyId, w.vendor.session.user.id));
    expect(byUser.status).toBe(403);
  });

  it("refuses users of another organization (404) and the observer party (409)", async () => {
    const foreign = await w.vendor.http.put(url(w.vendorPartyId, w.owner.session.user.id));
    expect(foreign.status).toBe(404);
    const observer = await w.observer.http.put(url(w.observerPartyId, w.observer.session.user.id));
    expect(observer.status).toBe(409);
    expect(observer.body).toMatchObject({ error: { code: 'observer_cannot_sign' } });
  });

  it('the hospital admin grants on the hospital party to a hospital user', async () => {
    const hospitalUser = await w.f.addMember(w.owner);
    const res = await w.owner.http.put(url(w.hospitalPartyId, hospitalUser.session.user.id));
    expect(res.status).toBe(200);
  });

  it('revokes (204, event), then 404 for a right that is not held', async () => {
    const p = await freshParty();
    await grant(p);
    const res = await p.admin.http.delete(url(p.partyId, p.user.session.user.id));
    expect(res.status).toBe(204);
    expect(await eventsOf('signatory.revoked', p.partyId)).toHaveLength(1);
    const summary = await p.user.http.get<{ engagement: { myRoles: string[] } }>(`/api/v1/engagements/${w.engagement.id}`);
    expect(summary.body.engagement.myRoles).toEqual(['member']);
    expect((await p.admin.http.delete(url(p.partyId, p.user.session.user.id))).status).toBe(404);
  });
});

describe('authorization table: signatories', () => {
  it('GET /parties/:partyId/signatories', async () => {
    const actual: Record<string, number> = {};
    for (const r of ROLES) actual[r] = (await w.callers[r].http.get(url(w.vendorPartyId))).status;
    expect(actual).toEqual({ anonymous: 401, outsider: 404, observer: 200, vendor: 200, owner: 200 });
  });

  it('PUT and DELETE /parties/:partyId/signatories/:userId on the vendor party (for its own admin)', async () => {
    const target = w.vendor.session.user.id;
    const put: Record<string, number> = {};
    const del: Record<string, number> = {};
    for (const r of ROLES) {
      put[r] = (await w.callers[r].http.put(url(w.vendorPartyId, target))).status;
      del[r] = (await w.callers[r].http.delete(url(w.vendorPartyId, target))).status;
    }
    // The outsider admin of another organization learns nothing (404); party admins of other parties are refused (403).
    expect(put).toEqual({ anonymous: 401, outsider: 404, observer: 403, vendor: 200, owner: 403 });
    expect(del).toEqual({ anonymous: 401, outsider: 404, observer: 403, vendor: 204, owner: 403 });
  });
});
