import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMatrix, type TEventItem, type TMatrixCell, type TMatrixResponse } from '@bunkai/domain';
import { partyColorMap } from '../../components/party-colors.ts';
import { CellPanel } from '../../features/cell-panel/cell-panel.tsx';
import { useLiveUpdates } from '../../live/use-live-updates.ts';
import { asset, assignmentOf, duty, ENGAGEMENT_ID, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { sessionStore } from '../session.ts';
import { resetOwnChanges } from './own-changes.ts';
import { useGetMatrix } from './queries.ts';

const parties = [party(0), party(1)];
const ME = fid(8, 0);
const PROPOSAL_ID = fid(5, 7);
const proposed = (): TMatrixCell => proposedCell(PROPOSAL_ID);
const agreed = (): TMatrixCell => ({ ...proposed(), status: 'agreed', version: 4, assignment: assignmentOf([[0, ['A']], [1, ['R']]]), openProposalId: null, openProposal: null });
const matrix = (): TMatrixResponse => ({
  engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' },
  parties,
  assets: [asset(0)],
  duties: [duty(0)],
  totalCells: 1,
  cells: [proposed()],
});

/** The live stream as the test feeds it: frames pushed after the page opened it. */
let push: (e: Partial<TEventItem>) => void = () => undefined;
let seq = 0;
const MATRIX_URL = `/api/v1/engagements/${ENGAGEMENT_ID}/cells/compact`;
const calls = fakeApi(({ method, url }) => {
  const c = proposed();
  if (method === 'GET' && url.startsWith(MATRIX_URL)) return json(encodeMatrix(matrix()));
  if (method === 'GET' && url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/events/stream`)) {
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(ctrl) {
        push = (e) => {
          seq += 1;
          const item = { seq, type: 'proposal.accepted', subjectId: PROPOSAL_ID, actorUserId: ME, actorPartyId: fid(1, 0), payload: { cellId: c.id }, at: '2026-01-01T00:00:00.000Z', prevHash: '0', hash: '1', ...e };
          ctrl.enqueue(enc.encode(`id: ${seq}\nevent: event\ndata: ${JSON.stringify(item)}\n\n`));
        };
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }
  if (method === 'GET' && url.startsWith(`/api/v1/engagements/${ENGAGEMENT_ID}/events`)) return json({ events: [], nextAfter: null, headSeq: 0 });
  if (method === 'GET' && url.startsWith(`/api/v1/cells/${c.id}/comments`)) return json({ comments: [] });
  if (method === 'GET' && url === `/api/v1/cells/${c.id}`) return json({ cell: c, duty: duty(0), asset: asset(0), commentCount: 0 });
  if (method === 'POST' && url === `/api/v1/proposals/${PROPOSAL_ID}/accept`) return json({ cell: agreed(), proposal: {} });
  return undefined;
});

const Probe = () => {
  const m = useGetMatrix(ENGAGEMENT_ID);
  const live = useLiveUpdates(ENGAGEMENT_ID, parties);
  return (
    <p>
      <span data-testid="live">{live}</span>
      <span data-testid="matrix-status">{m.data?.cells[0]?.status ?? '…'}</span>
    </p>
  );
};

const matrixLoads = () => calls.filter((c) => c.method === 'GET' && c.url.startsWith(MATRIX_URL)).length;
const settle = () => act(() => new Promise((r) => setTimeout(r, 400)));

beforeEach(() => {
  resetOwnChanges();
  seq = 0;
  sessionStore.set({ accessToken: 'a', user: { id: ME } as never, organization: { id: fid(9, 0) } as never });
});
afterEach(() => sessionStore.set(null));

describe('matrix cache after a mutation', () => {
  it('puts the accepted cell into the matrix from the response, and neither the mutation nor its live echo reloads the matrix', async () => {
    renderWithProviders(
      <>
        <Probe />
        <CellPanel cellId={proposed().id} colors={partyColorMap(parties)} onClose={() => undefined} />
      </>,
      { parties, myPartyId: fid(1, 0), roles: ['owner', 'member'] },
    );
    await waitFor(() => expect(screen.getByTestId('matrix-status').textContent).toBe('proposed'));
    await waitFor(() => expect(screen.getByTestId('live').textContent).toBe('open'));
    expect(matrixLoads()).toBe(1);

    fireEvent.click(await screen.findByRole('button', { name: '承諾する' }));
    await waitFor(() => expect(screen.getByTestId('matrix-status').textContent).toBe('agreed'));
    await settle();
    expect(matrixLoads()).toBe(1);

    // our own change comes back over the stream: the cache already has it
    act(() => {
      push({ type: 'proposal.accepted' });
      push({ type: 'cell.agreed', subjectId: proposed().id, payload: {} });
    });
    await settle();
    expect(matrixLoads()).toBe(1);

    // someone else's change still reloads it (so the assertions above can fail)
    act(() => push({ actorUserId: fid(8, 1), actorPartyId: fid(1, 1) }));
    await waitFor(() => expect(matrixLoads()).toBe(2));
  });
});
