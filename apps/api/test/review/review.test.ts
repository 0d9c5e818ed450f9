import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCellWithProposal } from '@bunkai/domain';
import { type NegotiationWorld, createNegotiationWorld } from '../negotiation/world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

const today = () => new Date().toISOString().slice(0, 10);
type CellBody = { cell: TCellWithProposal };

describe('PATCH /cells/:id/review (初回確認 / 完了日)', () => {
  it('records はい with today’s date when none is given, then 完了日 and notes; each change is a new version and event', async () => {
    const { w, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const vendor = w.vendors.network_vendor.admin;
    const first = await vendor.http.patch<CellBody>(`/api/v1/cells/${cell.id}/review`, { version: cell.version, firstCheckAnswer: 'yes' });
    expect(first.status).toBe(200);
    expect(first.body.cell.kickoff).toEqual({ firstCheckAnswer: 'yes', firstCheckOn: today(), completedOn: null, notes: '' });
    expect(first.body.cell.version).toBe(cell.version + 1);

    const second = await w.owner.http.patch<CellBody>(`/api/v1/cells/${cell.id}/review`, {
      version: first.body.cell.version,
      completedOn: '2025-06-30',
      notes: '保守契約書 第12条で確認',
    });
    expect(second.body.cell.kickoff).toEqual({ firstCheckAnswer: 'yes', firstCheckOn: today(), completedOn: '2025-06-30', notes: '保守契約書 第12条で確認' });

    const dated = await w.owner.http.patch<CellBody>(`/api/v1/cells/${cell.id}/review`, { version: second.body.cell.version, firstCheckAnswer: 'no', firstCheckOn: '2025-04-10' });
    expect(dated.body.cell.kickoff).toMatchObject({ firstCheckAnswer: 'no', firstCheckOn: '2025-04-10' });

    const cleared = await w.owner.http.patch<CellBody>(`/api/v1/cells/${cell.id}/review`, { version: dated.body.cell.version, firstCheckAnswer: null, completedOn: null });
    expect(cleared.body.cell.kickoff).toEqual({ firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '保守契約書 第12条で確認' });
    expect(await eventTypes(cell.id)).toEqual(['cell.reviewed', 'cell.reviewed', 'cell.reviewed', 'cell.reviewed']);
  });

  it('keeps 期限 (dueOn) and 完了予定日 (completionDueOn); a いいえ needs the target date until 完了日 is set', async () => {
    const { w, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const url = `/api/v1/cells/${cell.id}/review`;
    const due = await w.owner.http.patch<CellBody>(url, { version: cell.version, dueOn: '2026-12-20' });
    expect(due.status).toBe(200);
    expect(due.body.cell).toMatchObject({ dueOn: '2026-12-20', completionDueOn: null });
    const no = await w.owner.http.patch<CellBody>(url, { version: due.body.cell.version, firstCheckAnswer: 'no', completionDueOn: '2027-01-31' });
    expect(no.status).toBe(200);
    expect(no.body.cell).toMatchObject({ dueOn: '2026-12-20', completionDueOn: '2027-01-31', kickoff: { firstCheckAnswer: 'no' } });
    // Clearing the target of an open いいえ is refused; completing the item first makes it optional.
    const clear = await w.owner.http.patch(url, { version: no.body.cell.version, completionDueOn: null });
    expect(clear.status).toBe(400);
    expect(clear.body).toMatchObject({ error: { code: 'target_date_required' } });
    const done = await w.owner.http.patch<CellBody>(url, { version: no.body.cell.version, completedOn: '2027-01-15', completionDueOn: null });
    expect(done.body.cell).toMatchObject({ completionDueOn: null, kickoff: { firstCheckAnswer: 'no', completedOn: '2027-01-15' } });
    const cells = (await w.owner.http.get<{ cells: { id: string; dueOn: string | null }[] }>(`/api/v1/engagements/${cell.engagementId}/cells`)).body.cells;
    expect(cells.find((c) => c.id === cell.id)?.dueOn).toBe('2026-12-20');
    expect(await eventTypes(cell.id)).toEqual(['cell.reviewed', 'cell.reviewed', 'cell.reviewed']);
  });

  it('a 期限 that has passed on a cell not agreed is a warning finding (期限切れ), on the cell and in the findings list', async () => {
    const { w, freshCell } = n;
    const cell = await freshCell();
    const late = await w.owner.http.patch<CellBody>(`/api/v1/cells/${cell.id}/review`, { version: cell.version, dueOn: '2020-01-31' });
    expect(late.status).toBe(200);
    const findings = (await w.owner.http.get<{ findings: { code: string; severity: string; cellIds: string[] }[] }>(`/api/v1/engagements/${cell.engagementId}/findings`)).body.findings;
    expect(findings.filter((f) => f.code === 'deadline_overdue' && f.cellIds.includes(cell.id))).toEqual([expect.objectContaining({ severity: 'warning' })]);
    const cells = (await w.owner.http.get<{ cells: { id: string; findingCodes: string[] }[] }>(`/api/v1/engagements/${cell.engagementId}/cells?finding=deadline_overdue`)).body.cells;
    expect(cells.map((c) => c.id)).toContain(cell.id);
  });

  it('refuses invalid bodies with 400 and a code, and stale versions with 409', async () => {
    const { w, freshCell } = n;
    const cell = await freshCell();
    const url = `/api/v1/cells/${cell.id}/review`;
    const cases: [unknown, string][] = [
      [{ firstCheckAnswer: 'yes' }, 'invalid_request'],
      [{ version: cell.version, firstCheckAnswer: 'maybe' }, 'invalid_request'],
      [{ version: cell.version, completedOn: '2025-13-01' }, 'invalid_request'],
      [{ version: cell.version, firstCheckOn: '令和7年4月1日' }, 'invalid_request'],
      [{ version: cell.version, notes: 'x'.repeat(4001) }, 'invalid_request'],
      [{ version: cell.version }, 'empty_review'],
      [{ version: cell.version, firstCheckOn: '2025-04-01' }, 'first_check_date_without_answer'],
      [{ version: cell.version, firstCheckAnswer: 'no' }, 'target_date_required'],
      [{ version: cell.version, dueOn: '2025-02-30' }, 'invalid_request'],
    ];
    for (const [body, code] of cases) {
      const res = await w.owner.http.patch(url, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toMatchObject({ error: { code } });
    }
    const ok = await w.owner.http.patch<CellBody>(url, { version: cell.version, firstCheckAnswer: 'yes' });
    expect(ok.status).toBe(200);
    const stale = await w.owner.http.patch(url, { version: cell.version, completedOn: '2025-05-01' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version', details: { current: { id: cell.id, version: ok.body.cell.version, kickoff: { firstCheckAnswer: 'yes' } } } } });
  });
});

describe('PATCH /cells/:id/applicability (対象外)', () => {
  it('marks a cell not applicable with a reason, withdrawing its open proposal, and reopens it to the previous agreement', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const agreed = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
    const open = await f.propose(w.vendors.ehr_vendor.admin, agreed.cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    const url = `/api/v1/cells/${cell.id}/applicability`;
    const noReason = await w.owner.http.patch(url, { version: open.cell.version, notApplicable: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { code: 'invalid_not_applicable_reason' } });
    expect((await w.owner.http.patch(url, { version: open.cell.version, notApplicable: true, reason: 'x'.repeat(501) })).status).toBe(400);

    const na = await w.owner.http.patch<CellBody>(url, { version: open.cell.version, notApplicable: true, reason: '貸出専用端末のため対象外' });
    expect(na.status).toBe(200);
    expect(na.body.cell).toMatchObject({ status: 'not_applicable', notApplicableReason: '貸出専用端末のため対象外', openProposal: null, openProposalId: null });
    expect(await n.openProposalCount(cell.id)).toBe(0);
    const again = await w.owner.http.patch(url, { version: na.body.cell.version, notApplicable: true, reason: '二重' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'invalid_transition' } });

    const stale = await w.owner.http.patch(url, { version: open.cell.version, notApplicable: false });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'stale_version' } });
    const reopened = await w.owner.http.patch<CellBody>(url, { version: na.body.cell.version, notApplicable: false });
    expect(reopened.body.cell).toMatchObject({ status: 'agreed', notApplicableReason: null, assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
    expect(await eventTypes(cell.id)).toEqual(['proposal.created', 'cell.agreed', 'proposal.created', 'cell.not_applicable', 'cell.reopened']);
  });

  it('a reopened cell that was never agreed is unassigned again; only the owner may change applicability', async () => {
    const { w, freshCell } = n;
    const cell = await freshCell();
    const url = `/api/v1/cells/${cell.id}/applicability`;
    const member = await w.hospitalMember.http.patch(url, { version: cell.version, notApplicable: true, reason: '対象外' });
    expect(member.status).toBe(403);
    const na = await w.owner.http.patch<CellBody>(url, { version: cell.version, notApplicable: true, reason: '対象外' });
    const back = await w.owner.http.patch<CellBody>(url, { version: na.body.cell.version, notApplicable: false });
    expect(back.body.cell).toMatchObject({ status: 'unassigned', notApplicableReason: null });
  });
});
