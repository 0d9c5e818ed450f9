import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events, invitations, verifyChain } from '@bunkai/db';
import type { TCreateInvitationResponse, TInvitation, TInvitationPreview, TParty } from '@bunkai/domain';
import { hashToken } from '../../src/modules/auth/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { createWorld } from '../../src/seed/world.ts';
import { ROLES, type Role, type World, structureWorld } from '../parties/world.ts';

let t: TestApp;
let w: World;
// Expiry is decided on the app's clock: the tests move it instead of editing rows or waiting.
const clock = manualClock('2026-12-01T09:00:00Z');
const DAY_MS = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://bunkai.example.test/' }, { clock });
  w = await structureWorld(t.app);
});
afterAll(() => t.close());

const preview = (token: string) => w.f.anonymous.post<TInvitationPreview>('/api/v1/invitations/preview', { token });
const url = (engagementId = w.engagement.id) => `/api/v1/engagements/${engagementId}/invitations`;
const vendor = (name = 'ネットワーク事業者B社') => w.f.registerOrganization({ name, kind: 'vendor' });

describe('invitations (招待)', () => {
  it('creates a placeholder party and a single-use link shown once; only the hash is stored, never in events', async () => {
    const res = await w.owner.http.post<TCreateInvitationResponse>(url(), { email: 'Sales@Vendor-B.test', role: 'network_vendor', displayName: 'B社' });
    expect(res.status).toBe(201);
    const { invitation, token } = res.body;
    expect(invitation).toMatchObject({ email: 'sales@vendor-b.test', status: 'pending', acceptUrl: `https://bunkai.example.test/invitations#token=${token}` });
    const days = (Date.parse(invitation.expiresAt) - clock.now().getTime()) / DAY_MS;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const party = (await w.f.listParties(w.owner, w.engagement.id)).find((p) => p.id === invitation.partyId);
    expect(party).toMatchObject({ role: 'network_vendor', displayName: 'B社', organizationId: null });
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.tokenHash).toBe(hashToken(token));
    const log = await t.database.db.select().from(events).where(eq(events.engagementId, w.engagement.id));
    expect(JSON.stringify(log)).not.toContain(token);
    expect(log.map((e) => e.type)).toEqual(expect.arrayContaining(['party.created', 'invitation.created']));
    const list = await w.owner.http.get<{ invitations: TInvitation[] }>(url());
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('previews publicly by token, and 404 for unknown tokens', async () => {
    const { token } = await w.f.invite(w.owner, w.engagement.id, { role: 'vpn_owner', displayName: 'C社' }, 'vpn@vendor-c.test');
    const res = await preview(token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ engagementTitle: '電子カルテ更改', hospitalName: '市立みなと病院', partyRole: 'vpn_owner', partyDisplayName: 'C社', email: 'vpn@vendor-c.test', status: 'pending' });
    expect((await preview('x'.repeat(43))).status).toBe(404);
    expect((await preview('short')).status).toBe(400);
  });

  it('accepting makes the caller organization the party; a second accept answers 409 invitation_used', async () => {
    const f = await vendor('保守事業者F社');
    const { token, invitation } = await w.f.invite(w.owner, w.engagement.id, { role: 'maintenance_vendor', displayName: '保守F社' }, f.email);
    const res = await f.http.post<{ engagementId: string; partyId: string }>('/api/v1/invitations/accept', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ engagementId: w.engagement.id, partyId: invitation.partyId });
    const summary = await f.http.get<{ engagement: { myRoles: string[]; myPartyId: string } }>(`/api/v1/engagements/${w.engagement.id}`);
    expect(summary.body.engagement).toMatchObject({ myRoles: ['member'], myPartyId: invitation.partyId });
    const [accepted] = await t.database.db.select().from(events).where(and(eq(events.type, 'invitation.accepted'), eq(events.subjectId, invitation.id)));
    expect(accepted).toMatchObject({ actorUserId: f.session.user.id, actorPartyId: invitation.partyId, payload: { organizationId: f.session.organization.id } });
    const again = await (await vendor('別会社')).http.post('/api/v1/invitations/accept', { token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'invitation_used' } });
    expect((await preview(token)).body.status).toBe('accepted');
  });

  it('refuses expired invitations with 409 invitation_expired and lists them as expired', async () => {
    const start = clock.now();
    const late = await vendor();
    const { token, invitation } = await w.f.invite(w.owner, w.engagement.id, { role: 'other', displayName: '期限切れ' }, late.email);
    try {
      // One second before the deadline the link still works for a preview; at the deadline it has expired.
      clock.set(new Date(Date.parse(invitation.expiresAt) - 1000));
      expect((await preview(token)).body.status).toBe('pending');
      clock.set(invitation.expiresAt);
      const res = await late.http.post('/api/v1/invitations/accept', { token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'invitation_expired' } });
      const list = await w.owner.http.get<{ invitations: TInvitation[] }>(url());
      expect(list.body.invitations.find((i) => i.id === invitation.id)?.status).toBe('expired');
    } finally {
      // Later tests (in any order) start from the same time.
      clock.set(start);
    }
  });

  it('revokes (owner): the link stops working; revoking an accepted invitation answers 409', async () => {
    const { token, invitation } = await w.f.invite(w.owner, w.engagement.id, { role: 'device_maker', displayName: 'G社' });
    const res = await w.owner.http.delete<{ invitation: TInvitation }>(`/api/v1/invitations/${invitation.id}`);
    expect(res.status).toBe(200);
    expect(res.body.invitation.status).toBe('revoked');
    expect((await w.owner.http.delete(`/api/v1/invitations/${invitation.id}`)).status).toBe(200);
    expect(await t.database.db.select().from(events).where(and(eq(events.type, 'invitation.revoked'), eq(events.subjectId, invitation.id)))).toHaveLength(1);
    const accept = await (await vendor()).http.post('/api/v1/invitations/accept', { token });
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ error: { code: 'invitation_revoked' } });
    const used = (await w.owner.http.get<{ invitations: TInvitation[] }>(url())).body.invitations.find((i) => i.status === 'accepted')!;
    const revokeUsed = await w.owner.http.delete(`/api/v1/invitations/${used.id}`);
    expect(revokeUsed.status).toBe(409);
    expect(revokeUsed.body).toMatchObject({ error: { code: 'invitation_used' } });
  });

  it('refuses an organization that already is a party (409 already_party), parties already taken, and non-admins', async () => {
    const { token } = await w.f.invite(w.owner, w.engagement.id, { role: 'other', displayName: 'H社' }, w.vendor.email);
    const dup = await w.vendor.http.post('/api/v1/invitations/accept', { token });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'already_party', details: { partyId: w.vendorPartyId } } });
    const nonAdmin = await w.f.addMember(await vendor('I社'));
    const denied = await nonAdmin.http.post('/api/v1/invitations/accept', { token });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'org_admin_only' } });
    const taken = await w.owner.http.post(url(), { email: 'x@y.test', partyId: w.vendorPartyId });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'party_taken' } });
  });

  it('accepts only from the invited e-mail, or from its domain when the inviter chose any admin of the organization', async () => {
    const invitee = await w.f.registerOrganization({ name: '保守J社', kind: 'vendor', email: `sales-${Date.now().toString(36)}@vendor-j.test` });
    const stranger = await vendor('第三者K社');
    const { token, invitation } = await w.f.invite(w.owner, w.engagement.id, { role: 'other', displayName: 'J社' }, invitee.email.toUpperCase());
    expect(invitation.acceptBy).toBe('invitee');
    const refused = await stranger.http.post('/api/v1/invitations/accept', { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'invitation_email_mismatch' } });
    expect((await invitee.http.post('/api/v1/invitations/accept', { token })).status).toBe(200);

    const colleagueDomain = `vendor-l-${Date.now().toString(36)}.test`;
    const admin = await w.f.registerOrganization({ name: '保守L社', kind: 'vendor', email: `admin@${colleagueDomain}` });
    const org = await w.owner.http.post<TCreateInvitationResponse>(url(), { email: `sales@${colleagueDomain}`, role: 'other', displayName: 'L社', acceptBy: 'organization' });
    expect(org.body.invitation.acceptBy).toBe('organization');
    expect((await preview(org.body.token)).body).toMatchObject({ acceptBy: 'organization', email: `sales@${colleagueDomain}` });
    expect((await stranger.http.post('/api/v1/invitations/accept', { token: org.body.token })).body).toMatchObject({ error: { code: 'invitation_email_mismatch' } });
    expect((await admin.http.post('/api/v1/invitations/accept', { token: org.body.token })).status).toBe(200);
  });

  it('refuses bad bodies (400) and parties of other engagements (404)', async () => {
    for (const body of [{ email: 'not-mail', role: 'other', displayName: 'x' }, { email: 'a@b.test', role: 'hospital', displayName: 'x' }, { email: 'a@b.test' }, { email: 'a@b.test', partyId: 'x' }, { email: 'a@b.test', role: 'other', displayName: 'x', acceptBy: 'anyone' }]) {
      const res = await w.owner.http.post(url(), body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
    const other = await w.f.createEngagement(w.owner);
    const foreign = (await w.f.listParties(w.owner, other.id))[0]!.id;
    expect((await w.owner.http.post(url(), { email: 'a@b.test', partyId: foreign })).status).toBe(404);
  });
});

describe('authorization table: invitations', () => {
  const http = (r: Role) => w.callers[r].http;
  const table = async (call: (r: Role) => Promise<number>) => {
    const actual: Record<string, number> = {};
    for (const r of ROLES) actual[r] = await call(r);
    return actual;
  };
  const fresh = () => w.f.invite(w.owner, w.engagement.id, { role: 'other', displayName: '認可テスト' });

  it('POST /engagements/:id/invitations', async () => {
    expect(await table(async (r) => (await http(r).post(url(), { email: 'a@b.test', role: 'other', displayName: r })).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 403,
      owner: 201,
    });
  });
  it('GET /engagements/:id/invitations', async () => {
    expect(await table(async (r) => (await http(r).get(url())).status)).toEqual({ anonymous: 401, outsider: 404, observer: 403, vendor: 403, owner: 200 });
  });
  it('DELETE /invitations/:invitationId', async () => {
    expect(await table(async (r) => (await http(r).delete(`/api/v1/invitations/${(await fresh()).invitation.id}`)).status)).toEqual({
      anonymous: 401,
      outsider: 404,
      observer: 403,
      vendor: 403,
      owner: 200,
    });
  });
  it('POST /invitations/preview is public; POST /invitations/accept needs a session; tokens are not taken from paths', async () => {
    const { token } = await fresh();
    expect((await preview(token)).status).toBe(200);
    expect((await w.f.anonymous.post('/api/v1/invitations/accept', { token })).status).toBe(401);
    expect((await w.f.anonymous.get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await w.vendor.http.post(`/api/v1/invitations/${token}/accept`)).status).toBe(404);
  });
});

describe('the VPN story: a template engagement where three vendors are invited and accept', () => {
  it('fills every placeholder party of onprem-ehr-vpn with its vendor organization; the chain verifies', async () => {
    const story = await createWorld(t.app, {
      roles: ['owner', 'vendor', 'otherVendor'],
      hospital: { name: 'デモ総合病院' },
      engagement: { templateCode: 'onprem-ehr-vpn' },
      extraVendors: [{ role: 'vpn_owner' }],
    });
    const parties = await story.vendors.vpn_owner!.admin.http.get<{ parties: TParty[] }>(`/api/v1/engagements/${story.engagement.id}/parties`);
    expect(parties.status).toBe(200);
    expect(parties.body.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'network_vendor', 'vpn_owner']);
    expect(parties.body.parties.every((p) => p.organizationId !== null)).toBe(true);
    // The template's placeholder names gave way to the companies that joined.
    expect(parties.body.parties.map((p) => p.displayName)).toEqual(['デモ総合病院', '電子カルテベンダーA社', 'ネットワーク事業者B社', 'リモート保守回線事業者C社']);
    const e = await story.owner.http.get<{ engagement: { status: string } }>(`/api/v1/engagements/${story.engagement.id}`);
    expect(e.body.engagement.status).toBe('negotiating');
    for (const v of Object.values(story.vendors)) {
      const summary = await v.admin.http.get<{ engagement: { myPartyId: string; myRoles: string[] } }>(`/api/v1/engagements/${story.engagement.id}`);
      expect(summary.body.engagement).toMatchObject({ myPartyId: v.partyId, myRoles: ['member'] });
    }
    const invited = await story.owner.http.get<{ invitations: TInvitation[] }>(url(story.engagement.id));
    expect(invited.body.invitations.map((i) => i.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const chain = await verifyChain(t.database.db, story.engagement.id);
    expect(chain).toMatchObject({ ok: true, firstBreak: null });
    const types = (await t.database.db.select().from(events).where(eq(events.engagementId, story.engagement.id))).map((e) => e.type);
    expect(types.filter((x) => x === 'invitation.accepted')).toHaveLength(3);
  });
});
