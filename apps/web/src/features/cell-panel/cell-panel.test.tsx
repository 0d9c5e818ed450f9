import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TMatrixCell } from '@bunkai/domain';
import { partyColorMap } from '../../components/party-colors.ts';
import { asset, duty, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CellPanel } from './cell-panel.tsx';

const parties = [party(0), party(1)];
const PROPOSAL_ID = fid(5, 7);
const theCell = (): TMatrixCell => proposedCell(PROPOSAL_ID, { terms: { responseTime: '4時間以内', frequency: '', evidence: '', remarks: '' }, reason: 'パッチはベンダーが適用' });

let mutationStatus = 200;
beforeEach(() => {
  mutationStatus = 200;
});
const calls = fakeApi(({ method, url }) => {
  const c = theCell();
  if (method === 'GET' && url.startsWith(`/api/v1/cells/${c.id}/comments`)) return json({ comments: [] });
  if (method === 'GET' && url === `/api/v1/cells/${c.id}`) return json({ cell: c, duty: duty(0), asset: asset(0), commentCount: 0 });
  if (method === 'POST' && mutationStatus === 409)
    return json({ error: { code: 'stale_version', message: `Cell ${c.id} changed (version 4).`, details: { current: c } }, requestId: 'req-1' }, 409);
  if (method === 'POST') return json({ cell: { ...c, status: 'proposed', version: 4 }, proposal: {} });
  return undefined;
});

const renderPanel = () =>
  renderWithProviders(<CellPanel cellId={theCell().id} colors={partyColorMap(parties)} onClose={() => undefined} />, { parties, myPartyId: fid(1, 0), roles: ['owner', 'member'] });

const posts = () => calls.filter((c) => c.method === 'POST');

describe('CellPanel', () => {
  it('shows the open proposal with who accepted and who is pending, and accepts for our party', async () => {
    renderPanel();
    await screen.findByText('協議中の提案');
    expect(screen.getByText('ベンダー1 の提案')).toBeTruthy();
    expect(screen.getByText('✓ ベンダー1')).toBeTruthy();
    expect(screen.getByText('… 病院')).toBeTruthy();
    expect(screen.getByText('あなたの当事者の承諾を待っています。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '承諾する' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.url).toBe(`/api/v1/proposals/${PROPOSAL_ID}/accept`);
  });

  it('rejects with a reason', async () => {
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: '却下する' }));
    const submit = screen.getByRole('button', { name: '理由を添えて却下' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('却下の理由'), { target: { value: '保守契約の範囲外です' } });
    fireEvent.click(submit);
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ url: `/api/v1/proposals/${PROPOSAL_ID}/reject`, body: { reason: '保守契約の範囲外です' } });
  });

  it('counters with the role picker, starting from the proposal on the table', async () => {
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: '対案を出す' }));
    const send = screen.getByRole('button', { name: '対案を送る' }) as HTMLButtonElement;
    expect(send.disabled).toBe(false);
    // taking A away from the hospital breaks the one-A rule: sending waits
    fireEvent.click(screen.getByRole('button', { name: '病院 の 責任 A' }));
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'ベンダー1 の 責任 A' }));
    fireEvent.click(screen.getByRole('button', { name: '病院 の 報告 I' }));
    expect(send.disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('提案の理由'), { target: { value: '責任もベンダーに' } });
    fireEvent.click(send);
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({
      url: `/api/v1/cells/${theCell().id}/proposals`,
      body: { version: 3, reason: '責任もベンダーに', assignment: { [fid(1, 0)]: ['I'], [fid(1, 1)]: ['R', 'A'] }, terms: { responseTime: '4時間以内' } },
    });
  });

  it('offers to reload the cell on a 409 stale write', async () => {
    mutationStatus = 409;
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: '承諾する' }));
    expect(await screen.findByText(/他の人がこのセルを先に更新しました/)).toBeTruthy();
    const before = calls.filter((c) => c.method === 'GET' && c.url === `/api/v1/cells/${theCell().id}`).length;
    fireEvent.click(screen.getByRole('button', { name: '最新の内容を読み込む' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url === `/api/v1/cells/${theCell().id}`).length).toBeGreaterThan(before));
    expect(screen.queryByText(/他の人がこのセルを先に更新しました/)).toBeNull();
  });
});
