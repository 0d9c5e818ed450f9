import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bigMatrix } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { buildMatrixModel } from './matrix-model.ts';
import { MatrixPrintTable } from './matrix-print.tsx';

describe('MatrixPrintTable (issue 16, bug 10)', () => {
  it('prints every duty row, not the virtualized window, under one header row the browser repeats per page', () => {
    const m = bigMatrix(40, 3, 2);
    const model = buildMatrixModel(m, false);
    const { container } = renderWithProviders(<MatrixPrintTable model={model} title="テスト案件" />);
    const table = within(container).getByRole('table');
    expect(table.querySelectorAll('thead tr')).toHaveLength(1);
    expect(table.querySelectorAll('thead th')).toHaveLength(1 + 3);
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(40);
    // parties as numbers with a legend, readable in black and white
    expect(container.textContent).toContain('1 = 病院');
    expect(table.querySelector('tbody td')?.textContent).toBe('1:A 2:R');
  });
});
