import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TAuditEvent } from '@bunkai/domain';
import { ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { AuditPage } from './audit-page.tsx';

/** A chain of 384 events as measured in issue 16; the last ones are the freeze and the signatures. */
const HEAD = 384;
const typeOf = (seq: number) => (seq === HEAD ? 'signature.created' : seq === HEAD - 1 ? 'revision.frozen' : 'proposal.accepted');
const event = (seq: number): TAuditEvent => ({ seq, type: typeOf(seq), at: '2026-11-02T01:00:00.000Z', actorUserId: fid(8, 0), actorUserName: '情報システム課 山田', actorPartyId: fid(1, 0), subjectId: null, payload: {}, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) });

const calls = fakeApi(({ method, url }) => {
  const u = new URL(url, 'http://x');
  if (method === 'GET' && u.pathname === `/api/v1/engagements/${ENGAGEMENT_ID}/audit/events`) {
    // the server filters and pages newest first; this fake honours `before`, `limit` and `type`
    const before = Number(u.searchParams.get('before') ?? HEAD + 1);
    const limit = Number(u.searchParams.get('limit') ?? 100);
    const type = u.searchParams.get('type');
    const all = Array.from({ length: HEAD }, (_, i) => event(HEAD - i)).filter((e) => e.seq < before && (!type || (type.endsWith('.') ? e.type.startsWith(type) : e.type === type)));
    const events = all.slice(0, limit);
    return json({ events, nextBefore: all.length > limit ? (events.at(-1)?.seq ?? null) : null });
  }
  if (method === 'GET' && u.pathname.endsWith('/events/verify')) return json({ ok: true, count: HEAD, headHash: 'b'.repeat(64), firstBreak: null });
  return undefined;
});

describe('AuditPage (監査証跡)', () => {
  it('shows the newest events first, with readable event names (issue 16, bug 2)', async () => {
    window.history.replaceState(null, '', '/engagements/x/audit');
    renderWithProviders(<AuditPage engagementId={ENGAGEMENT_ID} />, { parties: [party(0)] });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain(String(HEAD));
    expect(rows[0]?.textContent).toContain('署名');
    expect(rows[1]?.textContent).toContain('版を確定');
    expect(rows[2]?.textContent).toContain('提案を承諾');
    expect(table.textContent).not.toContain('proposal.accepted');
    expect(rows[0]?.textContent).toContain('情報システム課 山田');
    // one page of the 100 newest events; the next page continues before the last seq shown
    expect(rows).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'さらに読み込む' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(201));
    expect(calls.some((c) => c.url.includes(`before=${HEAD - 99}`))).toBe(true);
  });

  it('filters by event type through the server and keeps the filter in the URL', async () => {
    window.history.replaceState(null, '', '/engagements/x/audit');
    renderWithProviders(<AuditPage engagementId={ENGAGEMENT_ID} />, { parties: [party(0)] });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('種類'), { target: { value: 'revision.' } });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(window.location.search).toBe('?type=revision.');
    expect(calls.some((c) => c.url.includes('type=revision.'))).toBe(true);
    expect(screen.getByRole('table').textContent).toContain('版を確定');
  });
});
