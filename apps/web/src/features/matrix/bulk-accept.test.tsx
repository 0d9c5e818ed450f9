import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TBulkAcceptResponse, TMatrixResponse } from '@bunkai/domain';
import { ENGAGEMENT_ID, asset, cell, duty, fid, party, proposedCell } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { BulkAcceptButton } from './bulk-accept.tsx';

const parties = [party(0), party(1), party(2, 'network_vendor')];
// Two proposals wait for ベンダー1, one waits only for the hospital, one cell has none.
const waitsForVendor = (i: number) => ({ ...proposedCell(fid(5, i), { proposerPartyId: fid(1, 0), acceptedBy: [fid(1, 0)], pendingFrom: [fid(1, 1)] }), id: fid(3, 100 + i), dutyId: fid(4, i) });
const cells = [waitsForVendor(0), waitsForVendor(1), { ...proposedCell(fid(5, 2)), id: fid(3, 102), dutyId: fid(4, 2) }, { ...cell(3, null), id: fid(3, 103), dutyId: fid(4, 3) }];
const matrix: TMatrixResponse = {
  engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' },
  parties,
  assets: [asset(0)],
  duties: [0, 1, 2, 3].map((i) => ({ ...duty(i), id: fid(4, i) })),
  totalCells: cells.length,
  cells,
};
const answer: TBulkAcceptResponse = {
  results: [
    { cellId: fid(3, 100), proposalId: fid(5, 0), outcome: 'agreed', pendingFrom: [], code: null, message: null, version: 4 },
    { cellId: fid(3, 101), proposalId: fid(5, 1), outcome: 'waiting', pendingFrom: [fid(1, 2)], code: null, message: null, version: 4 },
  ],
  counts: { agreed: 1, waiting: 1, refused: 0 },
};
const calls = fakeApi(({ method, url }) => (method === 'POST' && url === `/api/v1/engagements/${ENGAGEMENT_ID}/proposals/accept` ? json(answer) : undefined));

describe('BulkAcceptButton (一括承諾)', () => {
  it('accepts exactly the proposals waiting for our party and reports each cell', async () => {
    renderWithProviders(<BulkAcceptButton matrix={matrix} cells={cells} label="bulkAccept.button" />, { parties, myPartyId: fid(1, 1), roles: ['member'] });
    fireEvent.click(screen.getByRole('button', { name: '承諾待ちをすべて承諾（2件）' }));
    fireEvent.click(screen.getByRole('button', { name: '2件を承諾する' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ cellIds: [fid(3, 100), fid(3, 101)] });
    const result = await screen.findByTestId('bulk-accept-result');
    expect(result.textContent).toContain('合意 1 件・他の当事者の承諾待ち 1 件・承諾できず 0 件');
    expect(result.textContent).toContain('承諾待ち: ベンダー2');
  });

  it('is not offered when nothing waits for our party, nor to a party-less observer', () => {
    renderWithProviders(<BulkAcceptButton matrix={matrix} cells={cells.slice(2)} label="bulkAccept.button" />, { parties, myPartyId: fid(1, 1), roles: ['member'] });
    expect(screen.queryByRole('button')).toBeNull();
    renderWithProviders(<BulkAcceptButton matrix={matrix} cells={cells} label="bulkAccept.button" />, { parties, myPartyId: null, roles: ['observer'] });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
