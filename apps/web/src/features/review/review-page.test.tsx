import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { encodeMatrix, type TMatrixCell, type TMatrixResponse } from '@bunkai/domain';
import { asset, assignmentOf, cell, duty, ENGAGEMENT_ID, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { ReviewPage } from './review-page.tsx';

const parties = [party(0), party(1)];
/** GOV-01 as measured in issue 16: はい, 確認日 2026-11-02, 完了日 2026-11-16. */
const checked = (): TMatrixCell =>
  cell(0, null, {
    status: 'agreed',
    version: 5,
    assignment: assignmentOf([[0, ['A']], [1, ['R']]]),
    kickoff: { firstCheckAnswer: 'yes', firstCheckOn: '2026-11-02', completedOn: '2026-11-16', notes: '' },
  });
const matrix = (): TMatrixResponse => ({
  engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' },
  parties,
  assets: [asset(0)],
  duties: [duty(0), duty(1)],
  totalCells: 2,
  cells: [checked(), cell(1, null, { status: 'agreed', assignment: assignmentOf([[0, ['A', 'R']]]) })],
});

const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`)) return json(encodeMatrix(matrix()));
  if (method === 'PATCH') return json({ cell: { ...checked(), ...(body as object), version: 6, kickoff: { ...checked().kickoff, ...(body as object) } } });
  return undefined;
});
const patches = () => calls.filter((c) => c.method === 'PATCH');

const renderReview = () => renderWithProviders(<ReviewPage engagementId={ENGAGEMENT_ID} />, { parties, myPartyId: parties[0]?.id ?? null, roles: ['owner', 'member'] });

describe('ReviewPage (初回確認レビュー)', () => {
  it('keeps a recorded check when the selected answer is clicked again (issue 16, bug 1)', async () => {
    window.history.replaceState(null, '', '/engagements/x/review?i=0');
    renderReview();
    const yes = await screen.findByRole('button', { name: 'はい' });
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    // the tally is agreed of applicable, as on the list and the matrix (bug 9), not only the position
    expect(screen.getByTestId('review-tally').textContent).toBe('合意 2 / 2 · 初回確認済み 1 / 2');
    fireEvent.click(yes);
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /今日/ }));
    fireEvent.click(screen.getByRole('button', { name: /保存して次へ/ }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.body).toMatchObject({ firstCheckAnswer: 'yes', firstCheckOn: '2026-11-02' });
  });

  it('numbers the item with the catalog’s own 項番, not as a 確認表 number', async () => {
    window.history.replaceState(null, '', '/engagements/x/review?i=0');
    renderReview();
    await screen.findByTestId('review-item-title');
    const kicker = document.querySelector('.review-kicker')?.textContent ?? '';
    expect(kicker).toContain('P1-001');
    expect(kicker).not.toContain('確認表');
  });

  it('clears a recorded check only through the explicit, confirmed action', async () => {
    window.history.replaceState(null, '', '/engagements/x/review?i=0');
    renderReview();
    fireEvent.click(await screen.findByRole('button', { name: /初回確認の記録を取り消す/ }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('2026-11-02');
    // cancelling sends nothing
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(patches()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /初回確認の記録を取り消す/ }));
    fireEvent.click(screen.getByRole('button', { name: '記録を取り消す' }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.body).toEqual({ version: 5, firstCheckAnswer: null, firstCheckOn: null });
  });

  it('asks a target date (完了予定日) for an いいえ until it is done, and saves it with the 期限', async () => {
    window.history.replaceState(null, '', '/engagements/x/review?i=1');
    renderReview();
    fireEvent.click(await screen.findByRole('button', { name: 'いいえ' }));
    expect(screen.getByText(/完了予定日（目標日）を入れてください/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^完了予定日/), { target: { value: '2027-03-31' } });
    expect(screen.queryByText(/完了予定日（目標日）を入れてください/)).toBeNull();
    fireEvent.change(screen.getByLabelText('期限（分担の合意）'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: /保存して次へ/ }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.body).toMatchObject({ firstCheckAnswer: 'no', completionDueOn: '2027-03-31', dueOn: '2027-01-15', completedOn: null });
  });
});
