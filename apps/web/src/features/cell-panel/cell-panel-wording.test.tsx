import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCellHistoryResponse, TMatrixCell } from '@bunkai/domain';
import { partyColorMap } from '../../components/party-colors.ts';
import { asset, assignmentOf, cell, duty, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CellPanel } from './cell-panel.tsx';

const parties = [party(0), party(1)];
/** The template's suggestion for the cell, already accepted by the vendor (issue 16, bug 4). */
const suggested = (): TMatrixCell => proposedCell(fid(5, 1), { suggested: true, proposerPartyId: fid(1, 0), reason: 'テンプレート onprem-ehr-vpn の推奨分担' });
const agreed = (): TMatrixCell => cell(0, 0, { status: 'agreed', version: 7, assignment: assignmentOf([[0, ['A']], [1, ['R']]]) });

let current: () => TMatrixCell = suggested;
const history = (c: TMatrixCell): TCellHistoryResponse => ({
  cell: c,
  proposals: [],
  comments: [],
  events: [],
  reviewChanges: [{ seq: 9, at: '2026-11-16T01:00:00.000Z', actorUserId: fid(8, 0), actorPartyId: fid(1, 0), changes: { firstCheckAnswer: null, firstCheckOn: null, completedOn: '2026-11-16' } }],
});
fakeApi(({ method, url }) => {
  const c = current();
  if (method === 'GET' && url.startsWith(`/api/v1/cells/${c.id}/comments`)) return json({ comments: [] });
  if (method === 'GET' && url === `/api/v1/cells/${c.id}/history`) return json(history(c));
  if (method === 'GET' && url === `/api/v1/cells/${c.id}`) return json({ cell: c, duty: duty(0), asset: asset(0), commentCount: 0 });
  return undefined;
});

const renderPanel = (status: 'negotiating' | 'executed' = 'negotiating') =>
  renderWithProviders(<CellPanel cellId={current().id} colors={partyColorMap(parties)} onClose={() => undefined} />, { parties, myPartyId: fid(1, 0), roles: ['owner', 'member'], status });

describe('CellPanel wording', () => {
  it('never says nobody accepted a template suggestion someone accepted, nor shows the template code (issue 16, bugs 4 and 6)', async () => {
    current = suggested;
    const { container } = renderPanel();
    await screen.findByText('テンプレートの推奨分担');
    expect(screen.getByText('✓ ベンダー1')).toBeTruthy();
    expect(container.textContent).not.toContain('まだ誰も');
    expect(container.textContent).not.toContain('onprem-ehr-vpn');
  });

  it('shows a 初回確認 change in the history in words, not as key=value (issue 16, bug 6)', async () => {
    current = agreed;
    const { container } = renderPanel();
    fireEvent.click(await screen.findByText('履歴'));
    const summary = container.querySelector('details');
    summary?.setAttribute('open', '');
    summary?.dispatchEvent(new Event('toggle'));
    const item = await screen.findByText(/初回確認: 取り消し/);
    expect(item.textContent).toContain('確認日: 取り消し');
    expect(item.textContent).toContain('完了日: 2026/11/16');
    expect(container.textContent).not.toMatch(/\w+=/);
  });

  it('warns that proposing on an agreed cell of an executed engagement amends the signed contract (issue 16, bug 8)', async () => {
    current = agreed;
    renderPanel('executed');
    expect((await screen.findByTestId('amend-warning')).textContent).toContain('署名済みの契約');
  });

  it('does not warn while the engagement is still being negotiated', async () => {
    current = agreed;
    renderPanel('negotiating');
    await screen.findByRole('button', { name: '提案を送る' });
    expect(screen.queryByTestId('amend-warning')).toBeNull();
  });
});
