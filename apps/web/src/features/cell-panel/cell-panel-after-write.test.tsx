import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { encodeMatrix, type TMatrixCell, type TMatrixResponse } from '@bunkai/domain';
import { useGetMatrix } from '../../api/cells/queries.ts';
import { partyColorMap } from '../../components/party-colors.ts';
import { asset, assignmentOf, duty, ENGAGEMENT_ID, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CellPanel } from './cell-panel.tsx';

const parties = [party(0), party(1)];
const PROPOSAL_ID = fid(5, 9);
const ours = (): TMatrixCell => proposedCell(PROPOSAL_ID);
/** What the other party's counter left on the server. */
const theirs = (): TMatrixCell => ({ ...ours(), version: 4, status: 'agreed', assignment: assignmentOf([[0, ['A', 'R']]]), openProposalId: null, openProposal: null });

let server = ours;
let acceptOk = false;
/** Makes the accept answer 200 with the agreed cell for this test; returns how many accepts were posted. */
const fakeAccept = () => {
  acceptOk = true;
  return () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/accept')).length;
};
const calls = fakeApi(({ method, url }) => {
  const c = server();
  if (method === 'GET' && url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`))
    return json(encodeMatrix({ engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' }, parties, assets: [asset(0)], duties: [duty(0)], totalCells: 1, cells: [c] } satisfies TMatrixResponse));
  if (method === 'GET' && url.startsWith(`/api/v1/cells/${c.id}/`)) return json({ comments: [], events: [], changes: [] });
  if (method === 'GET' && url === `/api/v1/cells/${c.id}`) return json({ cell: c, duty: duty(0), asset: asset(0), commentCount: 0 });
  if (method === 'POST' && acceptOk) return json({ cell: theirs(), proposal: {} });
  if (method === 'POST') return json({ error: { code: 'stale_version', message: 'stale', details: { current: theirs() } }, requestId: 'req-1' }, 409);
  return undefined;
});

const GridProbe = () => {
  const m = useGetMatrix(ENGAGEMENT_ID);
  return <output data-testid="grid-cell">{m.data ? `${m.data.cells[0]?.status}:${m.data.cells[0]?.version}` : '…'}</output>;
};

describe('CellPanel conflict (issue 16, bug 3)', () => {
  it('shows the 409 beside the counter the user sent, and reloading updates the grid cell too', async () => {
    server = ours;
    acceptOk = false;
    renderWithProviders(
      <>
        <GridProbe />
        <CellPanel cellId={ours().id} colors={partyColorMap(parties)} onClose={() => undefined} />
      </>,
      { parties, myPartyId: fid(1, 0), roles: ['owner', 'member'] },
    );
    await waitFor(() => expect(screen.getByTestId('grid-cell').textContent).toBe('proposed:3'));
    fireEvent.click(await screen.findByRole('button', { name: '対案を出す' }));
    fireEvent.click(screen.getByRole('button', { name: '病院 の 報告 I' }));
    const send = screen.getByRole('button', { name: '対案を送る' });
    fireEvent.click(send);
    server = theirs;

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/他の人がこのセルを先に更新しました/);
    // in the proposal section, after the button that was pressed — not at the top of the panel
    const section = screen.getByRole('region', { name: '協議中の提案' });
    expect(within(section).getByRole('alert')).toBe(alert);
    expect(send.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const reload = within(alert).getByRole('button', { name: '最新の内容を読み込む' });
    expect(document.activeElement).toBe(reload);

    fireEvent.click(reload);
    await waitFor(() => expect(screen.getByTestId('grid-cell').textContent).toBe('agreed:4'));
    // the panel shows the cell as it now is, out of the counter editor, with focus kept in the panel
    expect(screen.queryByRole('button', { name: '対案を送る' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
    expect(calls.filter((c) => c.method === 'GET' && c.url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`))).toHaveLength(1);
  });
});

describe('CellPanel focus and Esc (issue 16, bug 5)', () => {
  it('keeps focus in the panel after a change and closes on Esc from outside the panel', async () => {
    server = ours;
    let closed = 0;
    const okCalls = fakeAccept();
    renderWithProviders(
      <>
        <button type="button">outside</button>
        <CellPanel cellId={ours().id} colors={partyColorMap(parties)} onClose={() => (closed += 1)} />
      </>,
      { parties, myPartyId: fid(1, 0), roles: ['owner', 'member'] },
    );
    fireEvent.click(await screen.findByRole('button', { name: '承諾する' }));
    await waitFor(() => expect(okCalls()).toBe(1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
    screen.getByRole('button', { name: 'outside' }).focus();
    fireEvent.keyDown(screen.getByRole('button', { name: 'outside' }), { key: 'Escape' });
    expect(closed).toBe(1);
  });
});
