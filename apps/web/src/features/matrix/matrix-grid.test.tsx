import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { partyColorMap } from '../../components/party-colors.ts';
import { asset, assignmentOf, bigMatrix, cell, duty, ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { MatrixGrid } from './matrix-grid.tsx';
import { buildMatrixModel } from './matrix-model.ts';
import type { TMatrixResponse } from '@bunkai/domain';

const small = (): TMatrixResponse => {
  const parties = [party(0), party(1)];
  return {
    engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' },
    parties,
    assets: [asset(0), asset(1)],
    duties: [duty(0), duty(1), duty(2)],
    totalCells: 5,
    cells: [
      cell(0, 0, { status: 'agreed', assignment: assignmentOf([[0, ['A']], [1, ['R']]]) }),
      cell(0, 1, { status: 'disputed', findingCodes: ['no_accountable'] }),
      cell(1, 0, {
        status: 'proposed',
        openProposal: {
          id: fid(5, 1),
          proposerPartyId: fid(1, 1),
          proposerUserId: null,
          assignment: assignmentOf([[0, ['A', 'C']], [1, ['R']]]),
          terms: { responseTime: '', frequency: '', evidence: '', remarks: '' },
          reason: '',
          suggested: false,
          supersedesId: null,
          acceptedBy: [fid(1, 1)],
          pendingFrom: [fid(1, 0)],
          rejectedBy: [],
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      }),
      cell(1, 1, { status: 'not_applicable', notApplicableReason: '対象外' }),
      cell(2, 0),
    ],
  };
};

const renderGrid = (m: TMatrixResponse, onOpen = vi.fn(), onToggle = vi.fn()) => {
  const model = buildMatrixModel(m, false);
  const colors = partyColorMap(m.parties);
  renderWithProviders(<MatrixGrid model={model} colors={colors} onOpen={onOpen} onToggle={onToggle} selection={new Set()} fixedViewport={{ width: 1200, height: 700 }} />, { parties: m.parties });
  return { colors, onOpen, onToggle };
};

const cellEl = (id: string) => document.querySelector<HTMLElement>(`[data-cell-id="${id}"]`);

afterEach(cleanup);

describe('MatrixGrid', () => {
  it("draws each party's letters in the party's colour, the status and the finding mark", () => {
    const m = small();
    const { colors } = renderGrid(m);
    const agreed = cellEl(cell(0, 0).id);
    expect(agreed?.dataset.status).toBe('agreed');
    const letters = agreed ? within(agreed).getAllByTestId('cell-letter') : [];
    expect(letters.map((l) => l.textContent)).toEqual(['A', 'R']);
    expect(letters[0]?.style.color).toBe(colors.get(fid(1, 0)));
    expect(letters[1]?.style.color).toBe(colors.get(fid(1, 1)));
    expect(agreed?.textContent).toContain('合意済');

    const proposed = cellEl(cell(1, 0).id);
    expect(proposed?.dataset.status).toBe('proposed');
    expect((proposed ? within(proposed).getAllByTestId('cell-letter') : []).map((l) => l.textContent)).toEqual(['AC', 'R']);

    const disputed = cellEl(cell(0, 1).id);
    expect(disputed?.dataset.status).toBe('disputed');
    expect(disputed ? within(disputed).queryByTestId('cell-finding') : null).not.toBeNull();
    expect(disputed?.textContent).toContain('指摘あり');

    expect(cellEl(cell(1, 1).id)?.textContent).toContain('対象外');
    expect(cellEl(cell(2, 0).id)?.dataset.status).toBe('unassigned');
    // Part and category bands are rows of their own
    expect(screen.getByText('Part1')).toBeTruthy();
  });

  it('numbers rows with the catalog’s own 項番 and shows a 確認表 number only where the duty carries one', () => {
    const m = small();
    m.duties = [{ ...duty(0), kakuninhyoItem: '1-①' }, duty(1), duty(2)];
    renderGrid(m);
    const heads = screen.getAllByRole('rowheader').filter((h) => h.querySelector('.mx-code'));
    expect(heads.map((h) => h.querySelector('.mx-code')?.textContent)).toEqual(['P1-001', 'P1-002', 'P1-003']);
    expect(heads.filter((h) => h.textContent?.includes('確認表 1-①'))).toHaveLength(1);
    expect(heads.filter((h) => h.textContent?.includes('確認表'))).toHaveLength(1);
  });

  it('virtualizes: only a window of the 9,000-cell reference matrix is in the DOM', () => {
    const m = bigMatrix(150, 60, 8);
    renderGrid(m);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe(String(buildMatrixModel(m, false).rows.length + 1));
    const rows = within(grid).getAllByRole('row');
    // counted by role attribute: getAllByRole over this many nodes is too slow for the test budget
    const cells = grid.querySelectorAll('[role="gridcell"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.length).toBeLessThan(m.cells.length / 10);
  });

  it('moves focus with the arrow keys, skips band rows, opens with Enter and selects with Space', () => {
    const m = small();
    const { onOpen, onToggle } = renderGrid(m);
    const first = cellEl(cell(0, 0).id);
    if (!first) throw new Error('no first cell');
    expect(first.tabIndex).toBe(0);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cellEl(cell(0, 1).id));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cellEl(cell(1, 1).id));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(cellEl(cell(1, 0).id));
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(cell(1, 0).id);
    fireEvent.keyDown(document.activeElement as Element, { key: ' ' });
    expect(onToggle).toHaveBeenCalledWith(cell(1, 0).id);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cellEl(cell(0, 0).id));
  });
});
