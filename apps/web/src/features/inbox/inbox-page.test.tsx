import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TInboxResponse } from '@bunkai/domain';
import { ENGAGEMENT_ID, fid } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { InboxLink } from './inbox-link.tsx';
import { InboxPage } from './inbox-page.tsx';

const zero = { consent: 0, unsettled: 0, comment: 0, signature: 0, completion_due: 0, no_target: 0 };
const inbox: TInboxResponse = {
  total: 2,
  byKind: { ...zero, consent: 1, completion_due: 1 },
  engagements: [{ engagementId: ENGAGEMENT_ID, title: '電子カルテ更新', partyId: fid(1, 1), total: 2, byKind: { ...zero, consent: 1, completion_due: 1 } }],
  items: [
    { kind: 'consent', engagementId: ENGAGEMENT_ID, engagementTitle: '電子カルテ更新', partyId: fid(1, 1), cellId: fid(3, 1), proposalId: fid(5, 1), revisionId: null, commentId: null, comments: 0, dueOn: null, subject: { code: 'VUL-01', title: { ja: '脆弱性情報の収集', en: 'Vulnerability information' }, assetName: '電子カルテサーバ' }, overdue: false, since: '2026-01-02T00:00:00.000Z', path: `/engagements/${ENGAGEMENT_ID}/matrix?cell=${fid(3, 1)}` },
    { kind: 'completion_due', engagementId: ENGAGEMENT_ID, engagementTitle: '電子カルテ更新', partyId: fid(1, 1), cellId: fid(3, 2), proposalId: null, revisionId: null, commentId: null, comments: 0, dueOn: '2026-01-01', overdue: true, since: null, path: `/engagements/${ENGAGEMENT_ID}/matrix?cell=${fid(3, 2)}` },
  ],
  nextOffset: null,
};
const { items, nextOffset: _last, ...counts } = inbox;
const calls = fakeApi(({ method, url }) => {
  if (method !== 'GET') return undefined;
  if (url === '/api/v1/me/inbox/counts') return json(counts);
  // one item per page: the page asks for the next one with the offset the API gave
  const page = /^\/api\/v1\/me\/inbox\?offset=(\d+)&limit=100$/.exec(url);
  const at = Number(page?.[1]);
  return page ? json({ ...counts, items: items.slice(at, at + 1), nextOffset: at + 1 < items.length ? at + 1 : null }) : undefined;
});

describe('受信箱', () => {
  it('lists what waits, per engagement, each linking to its cell, a page at a time; overdue items say so', async () => {
    renderWithProviders(<InboxPage />);
    expect(await screen.findByText('承諾待ち')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: '開く' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示（残り 1 件）' }));
    await screen.findByText(/期限切れ/);
    expect(screen.queryByRole('button', { name: /さらに表示/ })).toBeNull();
    expect(screen.getByRole('link', { name: '電子カルテ更新' })).toBeTruthy();
    const open = screen.getAllByRole('link', { name: '開く' }).map((a) => a.getAttribute('href'));
    expect(open).toEqual(inbox.items.map((i) => i.path));
    expect(screen.getByText(/期限切れ/)).toBeTruthy();
    expect(screen.getByText('VUL-01')).toBeTruthy();
    expect(screen.getByText(/脆弱性情報の収集/)).toBeTruthy();
  });

  it('puts the count in the header link, from the counts alone (never the items)', async () => {
    renderWithProviders(<InboxLink current={false} />);
    expect((await screen.findByTestId('inbox-count')).textContent).toBe('2');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me/inbox/counts']);
    expect(screen.getByRole('link', { name: /^受信箱\s*: 対応待ち 2 件$/ })).toBeTruthy();
  });
});
