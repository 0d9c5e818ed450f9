import { describe, expect, it } from 'vitest';
import { cellKey, planCells } from './cell-plan.ts';

describe('planCells', () => {
  const assets = [
    { id: 'vpn', category: 'vpn_appliance' },
    { id: 'pc1', category: 'client_terminal' },
    { id: 'pc2', category: 'client_terminal' },
  ];
  it('makes one cell per matching asset and one engagement-wide cell for duties without categories', () => {
    const cells = planCells(
      [
        { id: 'patch', appliesTo: ['vpn_appliance', 'client_terminal'] },
        { id: 'bcp', appliesTo: [] },
        { id: 'cloud', appliesTo: ['cloud_service'] },
      ],
      assets,
    );
    expect(cells.map(cellKey)).toEqual(['patch:vpn', 'patch:pc1', 'patch:pc2', 'bcp:-']);
  });
  it('does not duplicate cells when a category is listed twice', () => {
    expect(planCells([{ id: 'd', appliesTo: ['vpn_appliance', 'vpn_appliance'] }], assets)).toHaveLength(1);
  });
});
