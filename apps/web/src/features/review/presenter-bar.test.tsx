import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMatrix, PRESENTATION_SIGNAL, type TMatrixResponse, type TPresentation } from '@bunkai/domain';
import { sessionStore } from '../../api/session.ts';
import { publishSignal } from '../../live/signals.ts';
import { asset, cell, duty, ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { ReviewPage } from './review-page.tsx';

/** 発表者モード on the review page: the follower's page moves with the presenter's signals; the presenter's moves are sent. */
const parties = [party(0), party(1)];
const ME = fid(7, 1);
const PRESENTER = fid(7, 2);
const cells = [cell(0, null, { status: 'agreed' }), cell(1, null, { status: 'agreed' }), cell(2, null, { status: 'agreed' })];
const matrix = (): TMatrixResponse => ({
  engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' },
  parties,
  assets: [asset(0)],
  duties: [duty(0), duty(1), duty(2)],
  totalCells: 3,
  cells,
});
const presentation = (cellId: string, presenterUserId = PRESENTER): TPresentation => ({
  engagementId: ENGAGEMENT_ID,
  presenterUserId,
  presenterName: '佐藤 花子',
  presenterPartyId: parties[1]!.id,
  presenterPartyName: 'ベンダー1',
  cellId,
  startedAt: '2026-12-07T09:00:00.000Z',
  updatedAt: '2026-12-07T09:00:00.000Z',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
});

let current: TPresentation | null = null;
const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`)) return json(encodeMatrix(matrix()));
  if (!url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/review/presentation`)) return undefined;
  if (method === 'GET') return json({ presentation: current });
  if (method === 'PUT') return json({ presentation: (current = presentation((body as { cellId: string }).cellId, ME)) });
  if (method === 'DELETE') {
    current = null;
    return new Response(null, { status: 204 });
  }
  return undefined;
});
const puts = () => calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { cellId: string }).cellId);
const title = () => screen.getByTestId('review-item-title').textContent;
const signal = (p: TPresentation | null) => act(() => publishSignal(ENGAGEMENT_ID, PRESENTATION_SIGNAL, { engagementId: ENGAGEMENT_ID, presentation: p }));

beforeEach(() => {
  current = null;
  sessionStore.set({ accessToken: 'a', user: { id: ME } as never, organization: { id: fid(9, 0) } as never });
  window.history.replaceState(null, '', '/engagements/x/review?i=0');
});
afterEach(() => sessionStore.set(null));

const renderReview = () => renderWithProviders(<ReviewPage engagementId={ENGAGEMENT_ID} />, { parties, myPartyId: parties[0]!.id, roles: ['owner', 'member'] });

describe('PresenterBar (発表者モード)', () => {
  it('a follower’s page goes to the presenter’s item and moves with each signal until they stop following', async () => {
    current = presentation(cells[1]!.id);
    renderReview();
    expect(await screen.findByText('佐藤 花子 さん（ベンダー1）が発表中')).toBeTruthy();
    expect(title()).toBe('責任項目0');
    fireEvent.click(screen.getByRole('button', { name: '追従する' }));
    await waitFor(() => expect(title()).toBe('責任項目1'));
    expect(screen.getByTestId('presenter-bar').textContent).toContain('追従中');

    signal(presentation(cells[2]!.id));
    await waitFor(() => expect(title()).toBe('責任項目2'));
    signal(presentation(cells[0]!.id));
    await waitFor(() => expect(title()).toBe('責任項目0'));

    fireEvent.click(screen.getByRole('button', { name: '追従をやめる' }));
    signal(presentation(cells[1]!.id));
    await screen.findByRole('button', { name: '追従する' });
    expect(title()).toBe('責任項目0');
    // The presenter ends: nobody presents, and the page offers presenting again.
    signal(null);
    expect(await screen.findByRole('button', { name: '発表する' })).toBeTruthy();
    expect(puts()).toEqual([]);
  });

  it('moving by hand while following stops following', async () => {
    current = presentation(cells[1]!.id);
    renderReview();
    fireEvent.click(await screen.findByRole('button', { name: '追従する' }));
    await waitFor(() => expect(title()).toBe('責任項目1'));
    fireEvent.click(screen.getByRole('button', { name: '次へ →' }));
    await waitFor(() => expect(title()).toBe('責任項目2'));
    expect(await screen.findByRole('button', { name: '追従する' })).toBeTruthy();
    signal(presentation(cells[0]!.id));
    await screen.findByText('佐藤 花子 さん（ベンダー1）が発表中');
    expect(title()).toBe('責任項目2');
  });

  it('the presenter’s page sends each item it moves to, and ends the presentation', async () => {
    renderReview();
    fireEvent.click(await screen.findByRole('button', { name: '発表する' }));
    await screen.findByText(/発表中 — 参加者の画面がこの項目に追従します/);
    expect(puts()).toEqual([cells[0]!.id]);
    fireEvent.click(screen.getByRole('button', { name: '次へ →' }));
    await waitFor(() => expect(puts()).toEqual([cells[0]!.id, cells[1]!.id]));
    fireEvent.click(screen.getByRole('button', { name: '発表を終了' }));
    expect(await screen.findByRole('button', { name: '発表する' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
