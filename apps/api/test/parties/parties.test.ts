import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { events } from '@bunkai/db';
import type { TParty } from '@bunkai/domain';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { ROLES, type Role, type World, structureWorld } from './world.ts';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await structureWorld(t.app);
});
afterAll(() => t.close());

const partyOf = async (partyId: string) => (await w.f.listParties(w.owner, w.engagement.id)).find((p) => p.id === partyId)!;
const eventTypes = async (engagementId = w.engagement.id) => (await t.database.db.select().from(events).where(eq(events.engagementId, engagementId))).map((e) => e.type);

const contact = { name: '山田 太郎', phone: '03-1234-5678', email: 'yamada@vendor-a.test', hours: '平日 9:00-17:00' };

describe('parties (当事者)', () => {
  it('lists every party with contacts, in position order', async () => {
    // A world of its own: other tests add parties to the shared one.
    const v = await structureWorld(t.app);
    const res = await v.observer.http.get<{ parties: TParty[] }>(`/api/v1/engagements/${v.engagement.id}/parties`);
    expect(res.status).toBe(200);
    expect(res.body.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'observer']);
    expect(res.body.parties[0]).toMatchObject({ normalContacts: [], emergencyContacts: [], version: 1 });
  });

  it('the owner creates a placeholder party with contacts; an event is appended', async () => {
    // A world of its own, so the new party's position follows exactly the three parties it starts with.
    const v = await structureWorld(t.app);
    const res = await v.owner.http.post<{ party: TParty }>(`/api/v1/engagements/${v.engagement.id}/parties`, {
      role: 'network_vendor',
      displayName: 'ネットワーク事業者B社',
      contractReference: '保守契約 第12号',
      emergencyContacts: [{ ...contact, hours: '24時間365日' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.party).toMatchObject({ organizationId: null, role: 'network_vendor', contractReference: '保守契約 第12号', position: 3 });
    expect(res.body.party.emergencyContacts[0]).toEqual({ ...contact, hours: '24時間365日' });
    expect(await eventTypes(v.engagement.id)).toContain('party.created');
  });

  it('refuses invalid bodies with 400 and a code (unknown role, a second hospital, unbounded text)', async () => {
    const url = `/api/v1/engagements/${w.engagement.id}/parties`;
    for (const body of [{ role: 'king', displayName: 'x' }, { role: 'hospital', displayName: '別病院' }, { role: 'other', displayName: 'x'.repeat(201) }, { role: 'other' }]) {
      const res = await w.owner.http.post(url, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('the owner patches any party; a stale version answers 409 with the current party', async () => {
    const before = await partyOf(w.vendorPartyId);
    const ok = await w.owner.http.patch<{ party: TParty }>(`/api/v1/parties/${w.vendorPartyId}`, { version: before.version, displayName: 'A社（電子カルテ）' });
    expect(ok.status).toBe(200);
    expect(ok.body.party).toMatchObject({ displayName: 'A社（電子カルテ）', version: before.version + 1, contractReference: before.contractReference });
    const stale = await w.owner.http.patch(`/api/v1/parties/${w.vendorPartyId}`, { version: before.version, displayName: '古い版' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { id: w.vendorPartyId, version: before.version + 1 } } } });
  });

  it("a party's own members edit its contacts and contract reference, nothing else, and not other parties", async () => {
    const before = await partyOf(w.vendorPartyId);
    const ok = await w.vendor.http.patch<{ party: TParty }>(`/api/v1/parties/${w.vendorPartyId}`, {
      version: before.version,
      normalContacts: [contact],
      contractReference: '電子カルテ保守契約 2025-01',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.party).toMatchObject({ normalContacts: [contact], contractReference: '電子カルテ保守契約 2025-01', displayName: before.displayName });
    const rename = await w.vendor.http.patch(`/api/v1/parties/${w.vendorPartyId}`, { version: ok.body.party.version, displayName: '自称' });
    expect(rename.status).toBe(403);
    expect(rename.body).toMatchObject({ error: { code: 'owner_only_fields' } });
    const other = await w.vendor.http.patch(`/api/v1/parties/${w.hospitalPartyId}`, { version: 1, normalContacts: [] });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'not_own_party' } });
  });

  it('refuses to change the hospital party role, and bad PATCH bodies', async () => {
    const hospital = await partyOf(w.hospitalPartyId);
    const role = await w.owner.http.patch(`/api/v1/parties/${w.hospitalPartyId}`, { version: hospital.version, role: 'other' });
    expect(role.status).toBe(400);
    expect(role.body).toMatchObject({ error: { code: 'hospital_role_fixed' } });
    const noVersion = await w.owner.http.patch(`/api/v1/parties/${w.hospitalPartyId}`, { displayName: 'x' });
    expect(noVersion.status).toBe(400);
    const badContact = await w.owner.http.patch(`/api/v1/parties/${w.hospitalPartyId}`, { version: hospital.version, normalContacts: [{ name: '', email: 'not-mail' }] });
    expect(badContact.status).toBe(400);
    expect(badContact.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers 404 for an unknown party and 400 for a malformed id', async () => {
    expect((await w.owner.http.patch(`/api/v1/parties/${crypto.randomUUID()}`, { version: 1 })).status).toBe(404);
    expect((await w.owner.http.patch('/api/v1/parties/nope', { version: 1 })).status).toBe(400);
  });
});

describe('authorization table: parties', () => {
  type Case = { route: string; call: (role: Role) => Promise<number>; expected: Record<Role, number> };
  const http = (role: Role) => w.callers[role].http;
  const version = async (partyId: string) => (await partyOf(partyId)).version;
  const cases: Case[] = [
    {
      route: 'GET /engagements/:id/parties',
      call: async (r) => (await http(r).get(`/api/v1/engagements/${w.engagement.id}/parties`)).status,
      expected: { anonymous: 401, outsider: 404, observer: 200, vendor: 200, owner: 200 },
    },
    {
      route: 'POST /engagements/:id/parties',
      call: async (r) => (await http(r).post(`/api/v1/engagements/${w.engagement.id}/parties`, { role: 'other', displayName: `by ${r}` })).status,
      expected: { anonymous: 401, outsider: 404, observer: 403, vendor: 403, owner: 201 },
    },
    {
      route: 'PATCH /parties/:partyId (the vendor party, contacts only)',
      call: async (r) => (await http(r).patch(`/api/v1/parties/${w.vendorPartyId}`, { version: await version(w.vendorPartyId), emergencyContacts: [] })).status,
      expected: { anonymous: 401, outsider: 404, observer: 403, vendor: 200, owner: 200 },
    },
    {
      route: 'PATCH /parties/:partyId (the observer party, contacts only)',
      call: async (r) => (await http(r).patch(`/api/v1/parties/${w.observerPartyId}`, { version: await version(w.observerPartyId), emergencyContacts: [] })).status,
      expected: { anonymous: 401, outsider: 404, observer: 403, vendor: 403, owner: 200 },
    },
  ];
  for (const c of cases)
    it(c.route, async () => {
      const actual: Record<string, number> = {};
      for (const r of ROLES) actual[r] = await c.call(r);
      expect(actual).toEqual(c.expected);
    });
});
