import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells, events, proposals } from '@bunkai/db';
import type { TBulkProposeResponse, TMatrixCell } from '@bunkai/domain';
import { type NegotiationWorld, createNegotiationWorld } from './world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

/** The cells of one duty on every client terminal (端末). */
const terminalCells = async (dutyCode: string): Promise<TMatrixCell[]> => {
  const m = await n.f.matrix(n.w.owner, n.eid);
  const duty = m.duties.find((d) => d.code === dutyCode)!;
  const terminals = new Set(m.assets.filter((a) => a.category === 'client_terminal').map((a) => a.id));
  return m.cells.filter((c) => c.dutyId === duty.id && c.assetId !== null && terminals.has(c.assetId));
};

const snapshotOf = async (ids: string[]) =>
  (await n.db.select({ id: cells.id, version: cells.version, status: cells.status }).from(cells).where(inArray(cells.id, ids))).sort((a, b) => a.id.localeCompare(b.id));

describe('bulk proposals (一括提案)', () => {
  it('proposes the same split for every client terminal in one request, countering open proposals', async () => {
    const { w, f, eid } = n;
    const ehr = w.vendors.ehr_vendor;
    const targets = await terminalCells('VUL-06');
    expect(targets.length).toBeGreaterThanOrEqual(21);
    // The template's terminal already carries a suggestion; the 20 added terminals are fresh.
    const suggested = targets.filter((c) => c.openProposal !== null);
    expect(suggested.length).toBeGreaterThanOrEqual(1);
    const res = await f.bulkPropose(ehr.admin, eid, {
      cellIds: targets.map((c) => c.id),
      assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] },
      terms: { frequency: '月次' },
      reason: '端末の更新は電子カルテの動作確認後に一括で',
    });
    expect(res.results.map((r) => r.cellId)).toEqual(targets.map((c) => c.id));
    for (const r of res.results) {
      const before = targets.find((c) => c.id === r.cellId)!;
      expect(r).toMatchObject({ status: 'proposed', version: before.version + 1, supersededId: before.openProposal?.id ?? null });
    }
    const after = await terminalCells('VUL-06');
    for (const c of after) {
      expect(c.status).toBe('proposed');
      expect(c.openProposal).toMatchObject({ proposerPartyId: ehr.partyId, pendingFrom: [w.hospitalPartyId], terms: { frequency: '月次' } });
    }
    const evs = await n.db
      .select({ type: events.type, subjectId: events.subjectId })
      .from(events)
      .where(and(eq(events.engagementId, eid), inArray(events.subjectId, targets.map((c) => c.id))));
    expect(evs.filter((e) => e.type === 'proposal.created')).toHaveLength(targets.length - suggested.length);
    expect(evs.filter((e) => e.type === 'proposal.countered')).toHaveLength(suggested.length);
  });

  it('agrees every cell at once when the hospital holds R and A alone', async () => {
    const { w, f, eid } = n;
    const targets = await terminalCells('INC-05');
    const res = await f.bulkPropose(w.owner, eid, { cellIds: targets.map((c) => c.id), assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
    expect(res.results.every((r) => r.status === 'agreed')).toBe(true);
    const after = await terminalCells('INC-05');
    expect(after.every((c) => c.status === 'agreed' && c.openProposal === null && c.assignment?.[w.hospitalPartyId]?.join('') === 'RA')).toBe(true);
    const open = await n.db.select().from(proposals).where(and(inArray(proposals.cellId, targets.map((c) => c.id)), eq(proposals.status, 'open')));
    expect(open).toHaveLength(0);
  });

  it('is all or nothing: not-applicable cells and cells of another engagement are listed, nothing is written', async () => {
    const { w, f, eid } = n;
    const targets = await terminalCells('PHY-03').then((c) => (c.length ? c : terminalCells('VUL-06')));
    const na = targets[0]!;
    const marked = await w.owner.http.patch(`/api/v1/cells/${na.id}/applicability`, { version: na.version, notApplicable: true, reason: '貸出用端末のため対象外' });
    expect(marked.status).toBe(200);
    const other = await f.createEngagement(w.owner, { templateCode: 'onprem-ehr-vpn', title: '別案件' });
    const foreign = (await f.matrix(w.owner, other.id)).cells[0]!;
    const ids = targets.map((c) => c.id);
    const before = await snapshotOf(ids);
    const res = await w.owner.http.post(`/api/v1/engagements/${eid}/cells/bulk-proposals`, {
      cellIds: [...ids, foreign.id],
      assignment: { [w.hospitalPartyId]: ['R', 'A'] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_bulk_cells', details: { notInEngagement: [foreign.id], notApplicable: [na.id] } } });
    expect(await snapshotOf(ids)).toEqual(before);
    expect((await n.reload(foreign.id)).version).toBe(foreign.version);
  });

  it('refuses invalid bodies with 400', async () => {
    const { w, eid } = n;
    const url = `/api/v1/engagements/${eid}/cells/bulk-proposals`;
    const cellsNow = await terminalCells('VUL-06');
    const one = cellsNow[0]!.id;
    const hp = w.hospitalPartyId;
    const cases: [unknown, string][] = [
      [{ cellIds: [], assignment: { [hp]: ['R', 'A'] } }, 'invalid_request'],
      [{ cellIds: [one, one], assignment: { [hp]: ['R', 'A'] } }, 'invalid_request'],
      [{ cellIds: Array.from({ length: 5001 }, () => crypto.randomUUID()), assignment: { [hp]: ['R', 'A'] } }, 'invalid_request'],
      [{ cellIds: ['nope'], assignment: { [hp]: ['R', 'A'] } }, 'invalid_request'],
      [{ cellIds: [one] }, 'invalid_request'],
      [{ cellIds: [one], assignment: { [hp]: ['C'] } }, 'invalid_assignment'],
    ];
    for (const [body, code] of cases) {
      const res = await w.owner.http.post<TBulkProposeResponse>(url, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code } });
    }
  });
});
