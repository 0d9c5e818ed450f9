import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TCellHistoryResponse, type TMatrixCell, ZMatrixResponse, ZProposalMutationResponse } from '@bunkai/domain';
import { negotiationWorld } from '../../src/seed/world.ts';
import { type NegotiationWorld, createNegotiationWorld } from './world.ts';

let n: NegotiationWorld;
beforeAll(async () => {
  n = await createNegotiationWorld();
});
afterAll(() => n.t.close());

const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

describe('propose / counter', () => {
  it('records a proposal for the caller’s party, bumps the version and appends proposal.created', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const vpn = w.vendors.vpn_owner.partyId;
    const res = await f.propose(w.owner, cell, { assignment: { [vpn]: ['R'], [w.hospitalPartyId]: ['A'] }, terms: { remarks: '四半期ごとに報告' }, reason: '所有者が実施' });
    expect(res.proposal).toMatchObject({ proposerPartyId: w.hospitalPartyId, status: 'open', suggested: false, reason: '所有者が実施' });
    expect(res.proposal.terms.remarks).toBe('四半期ごとに報告');
    expect(res.cell).toMatchObject({ status: 'proposed', version: cell.version + 1, openProposalId: res.proposal.id, assignment: null });
    expect(res.cell.openProposal).toMatchObject({ acceptedBy: [w.hospitalPartyId], pendingFrom: [vpn], rejectedBy: [] });
    expect(await eventTypes(cell.id)).toEqual(['proposal.created']);
  });

  it('agrees at once when nobody else’s consent is needed (the hospital holds R and A alone)', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const res = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['A', 'R'], [w.vendors.ehr_vendor.partyId]: ['I'] } });
    expect(res.proposal.status).toBe('agreed');
    // Stored normalized: R before A.
    expect(res.cell).toMatchObject({ status: 'agreed', openProposalId: null, openProposal: null, version: cell.version + 1 });
    expect(res.cell.assignment).toEqual({ [w.hospitalPartyId]: ['R', 'A'], [w.vendors.ehr_vendor.partyId]: ['I'] });
    expect(await eventTypes(cell.id)).toEqual(['proposal.created', 'cell.agreed']);
  });

  it('a vendor holding R and A alone still needs the hospital', async () => {
    const { w, f, freshCell } = n;
    const cell = await freshCell();
    const ehr = w.vendors.ehr_vendor;
    const res = await f.propose(ehr.admin, cell, { assignment: { [ehr.partyId]: ['R', 'A'] } });
    expect(res.cell.status).toBe('proposed');
    expect(res.cell.openProposal!.pendingFrom).toEqual([w.hospitalPartyId]);
  });

  it('refuses invalid bodies with 400 and a code', async () => {
    const { w, freshCell } = n;
    const observerPartyId = w.observerPartyId;
    const cell = await freshCell();
    const h = w.owner.http;
    const url = `/api/v1/cells/${cell.id}/proposals`;
    const hp = w.hospitalPartyId;
    const vpn = w.vendors.vpn_owner.partyId;
    const cases: [unknown, string, string[]?][] = [
      [{ assignment: { [hp]: ['R', 'A'] } }, 'invalid_request'], // no version
      [{ assignment: { [hp]: ['R', 'A'] }, version: 0 }, 'invalid_request'],
      [{ assignment: { [hp]: ['X'] }, version: cell.version }, 'invalid_request'],
      [{ assignment: { [hp]: [] }, version: cell.version }, 'invalid_request'],
      [{ assignment: { 'not-a-uuid': ['R'] }, version: cell.version }, 'invalid_request'],
      [{ assignment: { [hp]: ['R', 'A'] }, reason: 'x'.repeat(501), version: cell.version }, 'invalid_request'],
      [{ assignment: { [hp]: ['R', 'A'] }, terms: { remarks: 'x'.repeat(4001) }, version: cell.version }, 'invalid_request'],
      [{ assignment: { [hp]: ['A'], [vpn]: ['A', 'R'] }, version: cell.version }, 'invalid_assignment', ['multiple_accountable']],
      [{ assignment: { [hp]: ['C'] }, version: cell.version }, 'invalid_assignment', ['no_accountable', 'no_responsible']],
      [{ assignment: { [hp]: ['A'], [crypto.randomUUID()]: ['R'] }, version: cell.version }, 'invalid_assignment', ['unknown_party']],
      [{ assignment: { [hp]: ['A'], [observerPartyId]: ['R'] }, version: cell.version }, 'invalid_assignment', ['observer_with_duty']],
      [{ assignment: { [hp]: ['R', 'A', 'R'] }, version: cell.version }, 'invalid_assignment', ['duplicate_role']],
    ];
    for (const [body, code, problems] of cases) {
      const res = await h.post(url, body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(errorCode(res.body)).toBe(code);
      if (problems) expect((res.body as { error: { details: { problems: { code: string }[] } } }).error.details.problems.map((p) => p.code)).toEqual(problems);
    }
    expect((await n.reload(cell.id)).version).toBe(cell.version);
  });

  it('answers a stale version with 409 stale_version and the current cell', async () => {
    const { w, f, freshCell } = n;
    const cell = await freshCell();
    const first = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    const stale = await w.vendors.ehr_vendor.admin.http.post(`/api/v1/cells/${cell.id}/proposals`, {
      assignment: { [w.vendors.ehr_vendor.partyId]: ['R', 'A'] },
      version: cell.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'stale_version', details: { current: { id: cell.id, version: first.cell.version, openProposal: { id: first.proposal.id } } } },
    });
  });

  it('a counter supersedes the open proposal; the superseded one can no longer be answered', async () => {
    const { w, f, freshCell, openProposalCount } = n;
    const cell = await freshCell();
    const ehr = w.vendors.ehr_vendor;
    const first = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] }, terms: { frequency: '月次' } });
    const counter = await f.propose(ehr.admin, first.cell, { assignment: { [w.hospitalPartyId]: ['A', 'R'], [ehr.partyId]: ['C'] } });
    expect(counter.proposal).toMatchObject({ supersedesId: first.proposal.id, status: 'open' });
    // Terms not sent: the terms on the table carry over.
    expect(counter.proposal.terms.frequency).toBe('月次');
    expect(await openProposalCount(cell.id)).toBe(1);
    const late = await ehr.admin.http.post(`/api/v1/proposals/${first.proposal.id}/accept`, {});
    expect(late.status).toBe(409);
    expect(errorCode(late.body)).toBe('proposal_closed');
  });

  it('cannot propose on a cell marked not applicable (409 invalid_transition)', async () => {
    const { w, freshCell } = n;
    const cell = await freshCell();
    const na = await w.owner.http.patch<{ cell: TMatrixCell }>(`/api/v1/cells/${cell.id}/applicability`, { version: cell.version, notApplicable: true, reason: '当院では該当機器なし' });
    expect(na.status).toBe(200);
    const res = await w.owner.http.post(`/api/v1/cells/${cell.id}/proposals`, { assignment: { [w.hospitalPartyId]: ['R', 'A'] }, version: na.body.cell.version });
    expect(res.status).toBe(409);
    expect(errorCode(res.body)).toBe('invalid_transition');
  });
});

describe('accept / reject / withdraw', () => {
  it('a reject from a required party disputes the cell; accepts are then refused until a counter', async () => {
    const { w, f, freshCell } = n;
    const cell = await freshCell();
    const vpn = w.vendors.vpn_owner;
    const p = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['A'], [vpn.partyId]: ['R'], [w.vendors.ehr_vendor.partyId]: ['I'] } });
    const noReason = await vpn.admin.http.post(`/api/v1/proposals/${p.proposal.id}/reject`, {});
    expect(noReason.status).toBe(400);
    const tooLong = await vpn.admin.http.post(`/api/v1/proposals/${p.proposal.id}/reject`, { reason: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);

    // Who must accept, and who is only informed, is part of the answer.
    expect(p.cell.openProposal).toMatchObject({
      mustAccept: [
        { partyId: w.hospitalPartyId, state: 'accepted' },
        { partyId: vpn.partyId, state: 'pending' },
      ],
      informed: [w.vendors.ehr_vendor.partyId],
      rejections: [],
    });
    // A party given only C/I is not asked: its accept or reject would change nothing, so it is refused.
    for (const verb of ['accept', 'reject']) {
      const informed = await w.vendors.ehr_vendor.admin.http.post(`/api/v1/proposals/${p.proposal.id}/${verb}`, { reason: '報告先は別部署に' });
      expect(informed.status).toBe(403);
      expect(errorCode(informed.body)).toBe('consent_not_required');
    }

    const rejected = await f.reject(vpn.admin, p.proposal.id, '当社には作業体制がありません');
    expect(rejected.cell.status).toBe('disputed');
    expect(rejected.cell.openProposal!.id).toBe(p.proposal.id);
    expect(rejected.proposal.responses.at(-1)).toMatchObject({ partyId: vpn.partyId, response: 'reject', reason: '当社には作業体制がありません' });
    // The reason is in the cell as everyone reads it.
    const seen = await w.vendors.ehr_vendor.admin.http.get<{ cell: { openProposal: { mustAccept: unknown[]; rejections: unknown[] } } }>(`/api/v1/cells/${cell.id}`);
    expect(seen.body.cell.openProposal.rejections).toEqual([{ partyId: vpn.partyId, userId: vpn.admin.session.user.id, reason: '当社には作業体制がありません', at: expect.any(String) }]);
    expect(seen.body.cell.openProposal.mustAccept).toContainEqual({ partyId: vpn.partyId, state: 'rejected' });

    const accept = await vpn.admin.http.post(`/api/v1/proposals/${p.proposal.id}/accept`, {});
    expect(accept.status).toBe(409);
    expect(errorCode(accept.body)).toBe('proposal_disputed');

    const counter = await f.propose(vpn.admin, rejected.cell, { assignment: { [w.hospitalPartyId]: ['A', 'R'], [vpn.partyId]: ['C'] } });
    expect(counter.cell.status).toBe('proposed');
    const agreed = await f.accept(w.owner, counter.proposal.id);
    expect(agreed.cell.status).toBe('agreed');
  });

  it('a party cannot answer its own proposal (400 own_proposal) and answers after agreement are 409', async () => {
    const { w, f, freshCell } = n;
    const cell = await freshCell();
    const ehr = w.vendors.ehr_vendor;
    const p = await f.propose(ehr.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
    const own = await ehr.admin.http.post(`/api/v1/proposals/${p.proposal.id}/accept`, {});
    expect(own.status).toBe(400);
    expect(errorCode(own.body)).toBe('own_proposal');
    // Accept without a body at all is fine too.
    const res = await n.t.app.inject({ method: 'POST', url: `/api/v1/proposals/${p.proposal.id}/accept`, headers: { authorization: `Bearer ${w.owner.session.accessToken}` } });
    expect(res.statusCode, res.body).toBe(200);
    const again = await w.owner.http.post(`/api/v1/proposals/${p.proposal.id}/reject`, { reason: '撤回したい' });
    expect(again.status).toBe(409);
    expect(errorCode(again.body)).toBe('proposal_closed');
  });

  it('withdraw returns to the previous agreement; only the proposer’s party may withdraw', async () => {
    const { w, f, freshCell, eventTypes } = n;
    const cell = await freshCell();
    const ehr = w.vendors.ehr_vendor;
    const agreed = await f.propose(w.owner, cell, { assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
    const change = await f.propose(ehr.admin, agreed.cell, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
    expect(change.cell.assignment).toEqual({ [w.hospitalPartyId]: ['R', 'A'] });
    const other = await w.vendors.network_vendor.admin.http.post(`/api/v1/proposals/${change.proposal.id}/withdraw`, {});
    expect(other.status).toBe(403);
    expect(errorCode(other.body)).toBe('not_proposer');
    const back = await f.withdraw(ehr.admin, change.proposal.id);
    expect(back.cell).toMatchObject({ status: 'agreed', openProposal: null, assignment: { [w.hospitalPartyId]: ['R', 'A'] } });
    expect(back.proposal.status).toBe('withdrawn');
    const twice = await ehr.admin.http.post(`/api/v1/proposals/${change.proposal.id}/withdraw`, {});
    expect(twice.status).toBe(409);
    expect(await eventTypes(cell.id)).toEqual(['proposal.created', 'cell.agreed', 'proposal.created', 'proposal.withdrawn']);
  });

  it('unknown ids are 404, malformed ids 400', async () => {
    const h = n.w.owner.http;
    const missing = crypto.randomUUID();
    for (const url of [`/api/v1/proposals/${missing}/accept`, `/api/v1/proposals/${missing}/withdraw`, `/api/v1/cells/${missing}/comments`]) {
      const res = await h.post(url, { body: 'x' });
      expect(res.status, url).toBe(404);
      expect(errorCode(res.body)).toBe('not_found');
    }
    expect((await h.get(`/api/v1/cells/${missing}/history`)).status).toBe(404);
    expect((await h.post('/api/v1/proposals/nope/accept', {})).status).toBe(400);
  });
});

describe('comments and history', () => {
  it('threads comments per cell and lists them with proposals, review changes and events in the history', async () => {
    const { w, f, freshCell } = n;
    const cell = await freshCell();
    const ehr = w.vendors.ehr_vendor;
    expect((await ehr.admin.http.post(`/api/v1/cells/${cell.id}/comments`, { body: '' })).status).toBe(400);
    expect((await ehr.admin.http.post(`/api/v1/cells/${cell.id}/comments`, { body: 'あ'.repeat(4001) })).status).toBe(400);
    await f.comment(ehr.admin, cell.id, '保守契約の範囲を確認します');
    await f.comment(w.owner, cell.id, 'よろしくお願いします');
    const list = await w.observer.http.get<{ comments: { partyId: string; body: string }[] }>(`/api/v1/cells/${cell.id}/comments`);
    expect(list.status).toBe(200);
    expect(list.body.comments.map((c) => [c.partyId, c.body])).toEqual([
      [ehr.partyId, '保守契約の範囲を確認します'],
      [w.hospitalPartyId, 'よろしくお願いします'],
    ]);
    const detail = await w.observer.http.get<{ commentCount: number; cell: TMatrixCell; duty: { id: string } }>(`/api/v1/cells/${cell.id}`);
    expect(detail.body).toMatchObject({ commentCount: 2, cell: { id: cell.id, version: cell.version }, duty: { id: cell.dutyId } });

    const p = await f.propose(ehr.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
    await f.accept(w.owner, p.proposal.id);
    const reviewed = await w.owner.http.patch(`/api/v1/cells/${cell.id}/review`, { version: p.cell.version + 1, firstCheckAnswer: 'yes' });
    expect(reviewed.status).toBe(200);

    const h = await w.observer.http.get<TCellHistoryResponse>(`/api/v1/cells/${cell.id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.comments).toHaveLength(2);
    expect(h.body.proposals).toHaveLength(1);
    expect(h.body.proposals[0]!.responses).toMatchObject([{ partyId: w.hospitalPartyId, response: 'accept' }]);
    expect(h.body.reviewChanges).toHaveLength(1);
    expect(h.body.reviewChanges[0]!.changes).toMatchObject({ firstCheckAnswer: 'yes' });
    expect(h.body.events.map((e) => e.type)).toEqual(['comment.created', 'comment.created', 'proposal.created', 'proposal.accepted', 'cell.agreed', 'cell.reviewed']);
    expect(h.body.cell).toMatchObject({ status: 'agreed', kickoff: { firstCheckAnswer: 'yes' } });
  });
});

describe('response contract', () => {
  // These routes serialize without a zod pass (typedJsonSerializer): the documented schema must still hold, key for key.
  it('every negotiation mutation and the matrix answer exactly their documented schema', async () => {
    const { w, f, freshCell, eid } = n;
    const ehr = w.vendors.ehr_vendor;
    const vpn = w.vendors.vpn_owner;
    const exact = <T>(schema: { parse: (v: unknown) => T }, body: unknown) => expect(schema.parse(body)).toEqual(body);
    const cell = await freshCell();
    const proposed = await f.propose(ehr.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'], [vpn.partyId]: ['C'] } });
    exact(ZProposalMutationResponse, proposed);
    const rejected = await f.reject(w.owner, proposed.proposal.id);
    exact(ZProposalMutationResponse, rejected);
    const countered = await f.propose(vpn.admin, rejected.cell, { assignment: { [w.hospitalPartyId]: ['A'], [vpn.partyId]: ['R'] } });
    exact(ZProposalMutationResponse, countered);
    exact(ZProposalMutationResponse, await f.withdraw(vpn.admin, countered.proposal.id));
    const again = await f.propose(ehr.admin, await n.reload(cell.id), { assignment: { [w.hospitalPartyId]: ['A'], [ehr.partyId]: ['R'] } });
    exact(ZProposalMutationResponse, await f.accept(w.owner, again.proposal.id));
    exact(ZMatrixResponse, await f.matrix(w.owner, eid));
  });
});

describe('archived engagements', () => {
  // An engagement of its own: archiving the shared one would make the other tests depend on running before this one.
  it('are read-only: writes answer 409 engagement_archived, reads still work', async () => {
    const w = await negotiationWorld(n.t.app);
    const { f } = w;
    const eid = w.engagement.id;
    const cell = (await f.matrix(w.owner, eid, 'status=unassigned')).cells[0]!;
    const p = await f.propose(w.vendors.ehr_vendor.admin, cell, { assignment: { [w.hospitalPartyId]: ['A'], [w.vendors.ehr_vendor.partyId]: ['R'] } });
    const engagement = await w.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${eid}`);
    expect((await w.owner.http.patch(`/api/v1/engagements/${eid}`, { version: engagement.body.engagement.version, archived: true })).status).toBe(200);
    const writes = [
      await w.owner.http.post(`/api/v1/proposals/${p.proposal.id}/accept`, {}),
      await w.owner.http.post(`/api/v1/cells/${cell.id}/proposals`, { assignment: { [w.hospitalPartyId]: ['R', 'A'] }, version: p.cell.version }),
      await w.owner.http.post(`/api/v1/cells/${cell.id}/comments`, { body: 'まだ書けますか' }),
      await w.owner.http.patch(`/api/v1/cells/${cell.id}/review`, { version: p.cell.version, firstCheckAnswer: 'yes' }),
      await w.vendors.ehr_vendor.admin.http.post(`/api/v1/proposals/${p.proposal.id}/withdraw`, {}),
      // Structure too: assets, duties, parties, invitations, revisions.
      await w.owner.http.post(`/api/v1/engagements/${eid}/assets`, { name: '追加端末', category: 'client_terminal', ownerPartyId: w.hospitalPartyId }),
      await w.vendors.ehr_vendor.admin.http.post(`/api/v1/engagements/${eid}/assets`, { name: 'ベンダー機器', category: 'server', ownerPartyId: w.vendors.ehr_vendor.partyId }),
      await w.owner.http.post(`/api/v1/engagements/${eid}/invitations`, { email: 'cloud@archived.example', role: 'cloud_provider', displayName: 'クラウド事業者' }),
      await w.owner.http.post(`/api/v1/engagements/${eid}/revisions`, {}),
    ];
    for (const res of writes) expect(res.body).toMatchObject({ error: { code: 'engagement_archived' } });
    expect(writes.map((r) => r.status)).toEqual(writes.map(() => 409));
    expect((await w.observer.http.get(`/api/v1/engagements/${eid}/cells`)).status).toBe(200);
    expect((await w.owner.http.get(`/api/v1/engagements/${eid}/events/verify`)).status).toBe(200);

    // The owner unarchives it, and it is writable again.
    const archived = await w.owner.http.get<{ engagement: { version: number } }>(`/api/v1/engagements/${eid}`);
    expect((await w.owner.http.patch(`/api/v1/engagements/${eid}`, { version: archived.body.engagement.version, archived: false })).status).toBe(200);
    expect((await w.owner.http.post(`/api/v1/proposals/${p.proposal.id}/accept`, {})).status).toBe(200);
  });
});
