import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TMatrixCell } from '@bunkai/domain';
import { partyColorMap } from '../../components/party-colors.ts';
import { asset, duty, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CellPanel } from './cell-panel.tsx';

// 病院 (A), ベンダー1 (R, the proposer), ベンダー2 (C only), ベンダー3 (R, has rejected).
const parties = [party(0), party(1), party(2, 'network_vendor'), party(3, 'network_vendor')];
const PROPOSAL_ID = fid(5, 9);
const theCell = (): TMatrixCell => ({
  ...proposedCell(PROPOSAL_ID, {
    assignment: { [fid(1, 0)]: ['A'], [fid(1, 1)]: ['R'], [fid(1, 2)]: ['C'], [fid(1, 3)]: ['R'] },
    acceptedBy: [fid(1, 1)],
    pendingFrom: [fid(1, 0)],
    rejectedBy: [fid(1, 3)],
    mustAccept: [
      { partyId: fid(1, 0), state: 'pending' },
      { partyId: fid(1, 1), state: 'accepted' },
      { partyId: fid(1, 3), state: 'rejected' },
    ],
    informed: [fid(1, 2)],
    rejections: [{ partyId: fid(1, 3), userId: fid(8, 3), reason: '夜間対応の体制がありません', at: '2026-01-02T00:00:00.000Z' }],
  }),
  status: 'disputed',
  dueOn: '2020-01-31',
  completionDueOn: '2999-12-31',
});

fakeApi(({ method, url }) => {
  const c = theCell();
  if (method === 'GET' && url.startsWith(`/api/v1/cells/${c.id}/`)) return json({ comments: [], events: [] });
  if (method === 'GET' && url === `/api/v1/cells/${c.id}`) return json({ cell: c, duty: duty(0), asset: asset(0), commentCount: 0 });
  return undefined;
});

const renderAs = (partyIndex: number) =>
  renderWithProviders(<CellPanel cellId={theCell().id} colors={partyColorMap(parties)} onClose={() => undefined} />, { parties, myPartyId: fid(1, partyIndex), roles: ['member'] });

describe('CellPanel: consent made visible', () => {
  it('names who must accept and who is only informed, and shows every rejection reason', async () => {
    renderAs(0);
    await screen.findByText('承諾が必要な当事者');
    expect(screen.getByText('… 病院')).toBeTruthy();
    expect(screen.getByText('✓ ベンダー1')).toBeTruthy();
    expect(screen.getByText('× ベンダー3')).toBeTruthy();
    expect(screen.getByText('情報共有のみ（C/I）')).toBeTruthy();
    expect(screen.getByText(/夜間対応の体制がありません/)).toBeTruthy();
    expect(screen.getByText(/係争中/)).toBeTruthy();
    // 期限 passed (the cell is not agreed) and says so in words; 完了予定日 is still ahead
    const deadlines = screen.getByTestId('cell-deadlines').textContent ?? '';
    expect(deadlines).toMatch(/期限（分担の合意）: 2020\/01\/31 · 期限切れ/);
    expect(deadlines).toMatch(/完了予定日: 2999\/12\/31$/);
    // the hospital's consent counts: it may accept or reject
    expect(screen.getByRole('button', { name: '承諾する' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '却下する' })).toBeTruthy();
  });

  it('offers a C/I party no accept or reject, only comments and a counter-proposal', async () => {
    renderAs(2);
    await screen.findByText('承諾が必要な当事者');
    expect(screen.getByText(/承諾は不要です/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '承諾する' })).toBeNull();
    expect(screen.queryByRole('button', { name: '却下する' })).toBeNull();
    expect(screen.getByRole('button', { name: '対案を出す' })).toBeTruthy();
  });
});
