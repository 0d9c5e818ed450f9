import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResult } from '../../src/seed/http-client.ts';
import type { Member } from '../../src/seed/factories.ts';
import { CALLERS, type Caller, type NegotiationWorld, createNegotiationWorld } from './world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

type Route = {
  name: string;
  /** Prepares whatever the call needs (fresh cell, someone else's proposal…) and makes it as `who`. */
  call: (who: Member, caller: Caller) => Promise<HttpResult>;
  expected: Record<Caller, number>;
};

const READ = { anonymous: 401, outsider: 404, observer: 200, otherVendor: 200, hospitalMember: 200, owner: 200 };
const WRITE = (ok: number) => ({ anonymous: 401, outsider: 404, observer: 403, otherVendor: ok, hospitalMember: ok, owner: ok });
const OWNER_ONLY = { anonymous: 401, outsider: 404, observer: 403, otherVendor: 403, hospitalMember: 403, owner: 200 };

/** A proposal by the EHR vendor on a fresh cell (hospital A, EHR vendor R): someone else's for every caller. */
const ehrProposal = async () => {
  const { w, f, freshCell } = n;
  const ehr = w.vendors.ehr_vendor;
  return f.propose(ehr.admin, await freshCell(), { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
};

const routes = (): Route[] => {
  const { w, eid, freshCell } = n;
  let first: string | undefined;
  const anyCell = async () => ({ id: (first ??= (await n.f.matrix(w.owner, eid)).cells[0]!.id) });
  return [
    { name: 'GET engagements/:id/cells', call: (m) => m.http.get(`/api/v1/engagements/${eid}/cells`), expected: READ },
    { name: 'GET engagements/:id/cells?view=mine', call: (m) => m.http.get(`/api/v1/engagements/${eid}/cells?view=mine`), expected: READ },
    { name: 'GET engagements/:id/progress', call: (m) => m.http.get(`/api/v1/engagements/${eid}/progress`), expected: READ },
    { name: 'GET engagements/:id/findings', call: (m) => m.http.get(`/api/v1/engagements/${eid}/findings`), expected: READ },
    { name: 'GET cells/:id', call: async (m) => m.http.get(`/api/v1/cells/${(await anyCell()).id}`), expected: READ },
    { name: 'GET cells/:id/history', call: async (m) => m.http.get(`/api/v1/cells/${(await anyCell()).id}/history`), expected: READ },
    { name: 'GET cells/:id/comments', call: async (m) => m.http.get(`/api/v1/cells/${(await anyCell()).id}/comments`), expected: READ },
    {
      name: 'POST cells/:id/proposals',
      call: async (m) => {
        const cell = await freshCell();
        return m.http.post(`/api/v1/cells/${cell.id}/proposals`, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] }, version: cell.version });
      },
      expected: WRITE(201),
    },
    // The network vendor (otherVendor) is not named R/A by the EHR vendor's proposal: its word would not count (403 consent_not_required).
    {
      name: 'POST proposals/:id/accept',
      call: async (m) => m.http.post(`/api/v1/proposals/${(await ehrProposal()).proposal.id}/accept`, {}),
      expected: { ...WRITE(200), otherVendor: 403 },
    },
    {
      name: 'POST proposals/:id/reject',
      call: async (m) => m.http.post(`/api/v1/proposals/${(await ehrProposal()).proposal.id}/reject`, { reason: '範囲外' }),
      expected: { ...WRITE(200), otherVendor: 403 },
    },
    {
      name: 'POST proposals/:id/withdraw (own proposal)',
      call: async (m, caller) => {
        const cell = await freshCell();
        const mine = ['otherVendor', 'hospitalMember', 'owner'].includes(caller);
        const proposer = mine ? m : w.vendors.ehr_vendor.admin;
        const p = await n.f.propose(proposer, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
        return m.http.post(`/api/v1/proposals/${p.proposal.id}/withdraw`, {});
      },
      expected: WRITE(200),
    },
    {
      name: "POST proposals/:id/withdraw (another party's proposal)",
      call: async (m) => m.http.post(`/api/v1/proposals/${(await ehrProposal()).proposal.id}/withdraw`, {}),
      expected: WRITE(403),
    },
    {
      name: 'POST engagements/:id/cells/bulk-proposals',
      call: async (m) => m.http.post(`/api/v1/engagements/${eid}/cells/bulk-proposals`, { cellIds: [(await freshCell()).id], assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } }),
      expected: WRITE(200),
    },
    { name: 'POST cells/:id/comments', call: async (m) => m.http.post(`/api/v1/cells/${(await anyCell()).id}/comments`, { body: '確認します' }), expected: WRITE(201) },
    {
      name: 'PATCH cells/:id/review',
      call: async (m) => {
        const cell = await freshCell();
        return m.http.patch(`/api/v1/cells/${cell.id}/review`, { version: cell.version, firstCheckAnswer: 'no', completionDueOn: '2026-12-25' });
      },
      expected: WRITE(200),
    },
    {
      name: 'PATCH cells/:id/applicability',
      call: async (m) => {
        const cell = await freshCell();
        return m.http.patch(`/api/v1/cells/${cell.id}/applicability`, { version: cell.version, notApplicable: true, reason: '対象機器なし' });
      },
      expected: OWNER_ONLY,
    },
  ];
};

describe('authorization: every route × every caller', () => {
  it('answers each caller as the table says (401 anonymous, 404 non-party, 403 wrong role)', async () => {
    const actual: Record<string, Record<Caller, number>> = {};
    const expected: Record<string, Record<Caller, number>> = {};
    for (const route of routes()) {
      expected[route.name] = route.expected;
      const row = {} as Record<Caller, number>;
      for (const caller of CALLERS) row[caller] = (await route.call(n.callers[caller], caller)).status;
      actual[route.name] = row;
    }
    expect(actual).toEqual(expected);
  });

  it('denials carry the error envelope with a code', async () => {
    const cell = await n.freshCell();
    const body = { assignment: { [n.w.hospitalPartyId]: ['R', 'A'] }, version: cell.version };
    const anon = await n.callers.anonymous.http.post(`/api/v1/cells/${cell.id}/proposals`, body);
    expect(anon.body).toMatchObject({ error: { code: 'missing_token' } });
    const outsider = await n.callers.outsider.http.post(`/api/v1/cells/${cell.id}/proposals`, body);
    expect(outsider.body).toMatchObject({ error: { code: 'not_found' } });
    // The message names the cell, not the engagement it belongs to.
    expect(JSON.stringify(outsider.body)).not.toContain(n.eid);
    const observer = await n.callers.observer.http.post(`/api/v1/cells/${cell.id}/proposals`, body);
    expect(observer.body).toMatchObject({ error: { code: 'forbidden' } });
  });
});
