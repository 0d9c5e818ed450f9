import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TEventItem } from '@bunkai/domain';
import { ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { AuditPage } from './audit-page.tsx';

/** A chain of 384 events as measured in issue 16; the last ones are the freeze and the signatures. */
const HEAD = 384;
const typeOf = (seq: number) => (seq === HEAD ? 'signature.created' : seq === HEAD - 1 ? 'revision.frozen' : 'proposal.accepted');
const event = (seq: number): TEventItem => ({ seq, type: typeOf(seq), at: '2026-11-02T01:00:00.000Z', actorUserId: fid(8, 0), actorPartyId: fid(1, 0), subjectId: null, payload: {}, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) });

const calls = fakeApi(({ method, url }) => {
  const u = new URL(url, 'http://x');
  if (method === 'GET' && u.pathname === `/api/v1/engagements/${ENGAGEMENT_ID}/events`) {
    const after = Number(u.searchParams.get('after') ?? 0);
    const limit = Number(u.searchParams.get('limit') ?? 100);
    const events = Array.from({ length: Math.max(0, Math.min(limit, HEAD - after)) }, (_, i) => event(after + 1 + i));
    const last = events.at(-1)?.seq ?? after;
    return json({ events, nextAfter: last < HEAD ? last : null, headSeq: HEAD });
  }
  if (method === 'GET' && u.pathname.endsWith('/events/verify')) return json({ ok: true, count: HEAD, headHash: 'b'.repeat(64), firstBreak: null });
  return undefined;
});

describe('AuditPage (監査証跡)', () => {
  it('shows the newest events first, with readable event names (issue 16, bug 2)', async () => {
    renderWithProviders(<AuditPage engagementId={ENGAGEMENT_ID} />, { parties: [party(0)] });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain(String(HEAD));
    expect(rows[0]?.textContent).toContain('署名');
    expect(rows[1]?.textContent).toContain('版を確定');
    expect(rows[2]?.textContent).toContain('提案を承諾');
    expect(table.textContent).not.toContain('proposal.accepted');
    // one window of 200 newest events, no event twice
    expect(rows).toHaveLength(200);
    expect(rows.at(-1)?.textContent).toContain(String(HEAD - 199));
    expect(calls.some((c) => c.url.includes('after=184'))).toBe(true);
  });
});
