import { screen } from '@testing-library/react';
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
};
fakeApi(({ method, url }) => (method === 'GET' && url === '/api/v1/me/inbox' ? json(inbox) : undefined));

describe('受信箱', () => {
  it('lists what waits, per engagement, each linking to its cell; overdue items say so', async () => {
    renderWithProviders(<InboxPage />);
    expect(await screen.findByText('承諾待ち')).toBeTruthy();
    expect(screen.getByRole('link', { name: '電子カルテ更新' })).toBeTruthy();
    const open = screen.getAllByRole('link', { name: '開く' }).map((a) => a.getAttribute('href'));
    expect(open).toEqual(inbox.items.map((i) => i.path));
    expect(screen.getByText(/期限切れ/)).toBeTruthy();
    expect(screen.getByText('VUL-01')).toBeTruthy();
    expect(screen.getByText(/脆弱性情報の収集/)).toBeTruthy();
  });

  it('puts the count in the header link', async () => {
    renderWithProviders(<InboxLink current={false} />);
    expect((await screen.findByTestId('inbox-count')).textContent).toBe('2');
    expect(screen.getByRole('link', { name: /^受信箱\s*: 対応待ち 2 件$/ })).toBeTruthy();
  });
});
