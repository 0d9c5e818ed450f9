import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells } from '@bunkai/db';
import type { TMatrixCell, TMatrixResponse, TProgressResponse } from '@bunkai/domain';
import { type NegotiationWorld, createNegotiationWorld } from '../negotiation/world.ts';

let n: NegotiationWorld;
let full: TMatrixResponse;
/** A cell given an agreed assignment without an A straight in the database (what an import could leave behind). */
let noA: TMatrixCell;

beforeAll(async () => {
  n = await createNegotiationWorld();
  const { w, f, freshCell, db } = n;
  // A few negotiations so that filters have something to tell apart.
  const vpn = w.vendors.vpn_owner;
  const ehr = w.vendors.ehr_vendor;
  await f.propose(ehr.admin, await freshCell(), { assignment: { [w.hospitalPartyId]: ['A'], [vpn.partyId]: ['R'] } });
  await f.propose(w.owner, await freshCell(), { assignment: { [w.hospitalPartyId]: ['R', 'A'], [vpn.partyId]: ['I'] } });
  noA = await freshCell();
  await db.update(cells).set({ status: 'agreed', assignment: { [ehr.partyId]: ['R'] } }).where(eq(cells.id, noA.id));
  full = await f.matrix(w.owner, n.eid);
});
afterAll(() => n.t.close());

const holds = (c: TMatrixCell, partyId: string) => Boolean(c.assignment?.[partyId]?.length || c.openProposal?.assignment[partyId]?.length);
const ids = (cs: readonly TMatrixCell[]) => cs.map((c) => c.id);
const get = (query: string) => n.f.matrix(n.w.owner, n.eid, query);

describe('GET /engagements/:id/cells', () => {
  it('returns the whole matrix in one response, in catalog order (part, order)', async () => {
    // Vendors joined, so the draft became a negotiation.
    expect(full.engagement).toMatchObject({ id: n.eid, status: 'negotiating' });
    expect(full.totalCells).toBe(full.cells.length);
    expect(full.cells.length).toBeGreaterThan(200);
    expect(full.parties.map((p) => p.role)).toEqual(expect.arrayContaining(['hospital', 'ehr_vendor', 'network_vendor', 'vpn_owner', 'observer']));
    const dutyIndex = new Map(full.duties.map((d, i) => [d.id, i]));
    const assetPos = new Map(full.assets.map((a, i) => [a.id, i]));
    const keys = full.cells.map((c) => [dutyIndex.get(c.dutyId)!, c.assetId ? assetPos.get(c.assetId)! : -1] as const);
    for (let i = 1; i < keys.length; i++) {
      const [d0, a0] = keys[i - 1]!;
      const [d1, a1] = keys[i]!;
      expect(d0 < d1 || (d0 === d1 && a0 < a1), `cell ${i} out of order`).toBe(true);
    }
    // Part1 duties come before Part2 duties.
    const parts = full.duties.map((d) => d.kakuninhyoPart);
    expect(parts).toEqual([...parts].sort());
  });

  it('filters by status, phase, category and asset (comma lists and repeated parameters are alternatives)', async () => {
    const proposedOrAgreed = await get('status=proposed,agreed');
    expect(proposedOrAgreed.cells.length).toBeGreaterThan(0);
    expect(ids(proposedOrAgreed.cells)).toEqual(ids(full.cells.filter((c) => c.status === 'proposed' || c.status === 'agreed')));
    expect(ids((await get('status=proposed&status=agreed')).cells)).toEqual(ids(proposedOrAgreed.cells));

    const dutyById = new Map(full.duties.map((d) => [d.id, d]));
    const emergency = await get('phase=emergency');
    expect(emergency.cells.length).toBeGreaterThan(0);
    expect(emergency.cells.every((c) => dutyById.get(c.dutyId)!.phase === 'emergency')).toBe(true);
    expect(emergency.totalCells).toBe(full.cells.length);

    const vuln = await get('category=vulnerability,network');
    expect(ids(vuln.cells)).toEqual(ids(full.cells.filter((c) => ['vulnerability', 'network'].includes(dutyById.get(c.dutyId)!.category))));

    const vpnAsset = full.assets.find((a) => a.category === 'vpn_appliance')!;
    const onVpn = await get(`asset=${vpnAsset.id}`);
    expect(onVpn.cells.length).toBeGreaterThan(0);
    expect(onVpn.cells.every((c) => c.assetId === vpnAsset.id)).toBe(true);
    const wide = await get('asset=none');
    expect(ids(wide.cells)).toEqual(ids(full.cells.filter((c) => c.assetId === null)));

    const both = await get(`asset=${vpnAsset.id}&status=unassigned`);
    expect(ids(both.cells)).toEqual(ids(onVpn.cells.filter((c) => c.status === 'unassigned')));
  });

  it('filters by party: a letter in the agreed or the proposed assignment', async () => {
    const vpn = n.w.vendors.vpn_owner.partyId;
    const res = await get(`party=${vpn}`);
    expect(ids(res.cells)).toEqual(ids(full.cells.filter((c) => holds(c, vpn))));
    expect(res.cells.some((c) => c.status === 'agreed' && c.assignment?.[vpn])).toBe(true);
    expect(res.cells.some((c) => c.openProposal?.assignment[vpn])).toBe(true);
  });

  it('filters by finding code: finding=no_accountable lists the cell without an A', async () => {
    const res = await get('finding=no_accountable');
    expect(ids(res.cells)).toEqual([noA.id]);
    expect(res.cells[0]!.findingCodes).toContain('no_accountable');
    const unassigned = await get('finding=unassigned');
    expect(unassigned.cells.length).toBeGreaterThan(0);
    expect(unassigned.cells.every((c) => c.findingCodes.includes('unassigned'))).toBe(true);
  });

  it('view=mine is "what is asked of us": roles held and acceptances pending from the caller’s party', async () => {
    const vpn = n.w.vendors.vpn_owner;
    const mine = await n.f.matrix(vpn.admin, n.eid, 'view=mine');
    const expected = full.cells.filter((c) => c.status !== 'not_applicable' && (holds(c, vpn.partyId) || c.openProposal?.pendingFrom.includes(vpn.partyId)));
    expect(ids(mine.cells)).toEqual(ids(expected));
    expect(mine.cells.some((c) => c.openProposal?.pendingFrom.includes(vpn.partyId))).toBe(true);
    // The observer holds nothing and is asked nothing.
    expect((await n.f.matrix(n.w.observer, n.eid, 'view=mine')).cells).toEqual([]);
    const hospitalMine = await n.f.matrix(n.w.hospitalMember, n.eid, 'view=mine&status=proposed');
    expect(hospitalMine.cells.every((c) => c.status === 'proposed' && (holds(c, n.w.hospitalPartyId) || c.openProposal!.pendingFrom.includes(n.w.hospitalPartyId)))).toBe(true);
  });

  it('answers unknown filters and values with 400 and a code', async () => {
    const h = n.w.owner.http;
    const cases: [string, string][] = [
      ['status=done', 'unknown_filter_value'],
      ['phase=someday', 'unknown_filter_value'],
      ['category=vulnerability,cooking', 'unknown_filter_value'],
      [`party=${crypto.randomUUID()}`, 'unknown_filter_value'],
      [`asset=${crypto.randomUUID()}`, 'unknown_filter_value'],
      ['asset=somewhere', 'unknown_filter_value'],
      ['finding=bad_vibes', 'unknown_filter_value'],
      ['status=', 'empty_filter'],
      ['view=theirs', 'invalid_request'],
      ['colour=blue', 'invalid_request'],
    ];
    for (const [query, code] of cases) {
      const res = await h.get(`/api/v1/engagements/${n.eid}/cells?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ error: { code } });
    }
  });
});

describe('GET /cells/:id and /engagements/:id/progress', () => {
  it('reads one cell with its duty, asset, finding codes and comment count', async () => {
    const res = await n.w.observer.http.get<{ cell: TMatrixCell; duty: { id: string }; asset: { id: string } | null; commentCount: number }>(`/api/v1/cells/${noA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.cell).toMatchObject({ id: noA.id, status: 'agreed' });
    expect(res.body.cell.findingCodes).toContain('no_accountable');
    expect(res.body.duty.id).toBe(noA.dutyId);
    expect(res.body.asset?.id ?? null).toBe(noA.assetId);
    expect(res.body.commentCount).toBe(0);
  });

  it('counts cells per status, 初回確認 / 完了日 recorded, and per party', async () => {
    const cell = await n.freshCell();
    const reviewed = await n.w.owner.http.patch(`/api/v1/cells/${cell.id}/review`, { version: cell.version, firstCheckAnswer: 'yes', completedOn: '2025-04-01' });
    expect(reviewed.status).toBe(200);
    const res = await n.w.observer.http.get<TProgressResponse>(`/api/v1/engagements/${n.eid}/progress`);
    expect(res.status).toBe(200);
    const p = res.body;
    const now = (await n.f.matrix(n.w.owner, n.eid)).cells;
    expect(p.total).toBe(now.length);
    expect(Object.values(p.byStatus).reduce((a, b) => a + b, 0)).toBe(p.total);
    expect(p.agreed).toBe(now.filter((c) => c.status === 'agreed').length);
    expect(p.applicable).toBe(now.filter((c) => c.status !== 'not_applicable').length);
    expect(p).toMatchObject({ reviewed: 1, completed: 1 });
    const vpn = n.w.vendors.vpn_owner.partyId;
    const row = p.parties.find((x) => x.partyId === vpn)!;
    const applicable = now.filter((c) => c.status !== 'not_applicable');
    expect(row.withRole).toBe(applicable.filter((c) => holds(c, vpn)).length);
    expect(row.agreed).toBe(applicable.filter((c) => c.status === 'agreed' && c.assignment?.[vpn]).length);
    expect(row.pendingAcceptances).toBe(applicable.filter((c) => c.openProposal?.pendingFrom.includes(vpn)).length);
    expect(row.pendingAcceptances).toBeGreaterThan(0);
  });
});
