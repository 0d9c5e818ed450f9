import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TMatrixCell } from '@bunkai/domain';
import { assignmentOf, cell } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { MatrixCounts } from './matrix-filters.tsx';
import { countCells } from './matrix-model.ts';

/** The demo as measured in issue 16 (bug 9): 157 cells, one 対象外, 119 agreed. */
const demo = (): TMatrixCell[] =>
  Array.from({ length: 157 }, (_, i) =>
    cell(i, null, i === 0 ? { status: 'not_applicable', notApplicableReason: '院内で実施しない' } : i <= 119 ? { status: 'agreed', assignment: assignmentOf([[0, ['A']]]) } : { status: 'proposed' }),
  );

describe('cell counts (issue 16, bug 9)', () => {
  it('counts agreed of applicable, as the engagement list does, with 対象外 apart', () => {
    expect(countCells(demo())).toEqual({ total: 157, notApplicable: 1, applicable: 156, agreed: 119, firstChecked: 0, completed: 0 });
  });

  it('shows the same 119 / 156 on the matrix as on the list', () => {
    const { container } = renderWithProviders(<MatrixCounts cells={demo()} total={157} />);
    expect(within(container).getByTestId('matrix-counts').textContent).toBe('合意 119 / 156 セル（対象外 1）');
  });

  it('says when a filter hides cells', () => {
    const { container } = renderWithProviders(<MatrixCounts cells={demo().slice(0, 10)} total={157} />);
    expect(within(container).getByTestId('matrix-counts').textContent).toBe('表示 10 / 全 157 セル');
  });
});
