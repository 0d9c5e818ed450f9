import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TRevisionView } from '@bunkai/domain';
import type { RevisionDiffResponse } from '../../api/revisions/queries.ts';
import { ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { RevisionRedline } from './revision-redline.tsx';

const rev = (n: number): TRevisionView =>
  ({ id: fid(7, n), engagementId: ENGAGEMENT_ID, number: n, sha256: String(n).repeat(64), status: n === 2 ? 'frozen' : 'superseded', matchesLive: n === 2, signatures: [], signingParties: [], frozenAt: '2026-11-01T00:00:00.000Z', executedAt: null }) as unknown as TRevisionView;
const terms = (remarks = '') => ({ responseTime: '', frequency: '', evidence: '', remarks });
const kickoff = { firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '' };
const canonical = (assignment: Record<string, string[]>, remarks = '') => ({ key: 'VUL-02@A1', duty: 'VUL-02', asset: 'A1', status: 'agreed', assignment, terms: terms(remarks), notApplicableReason: null, kickoff });
const ref = { key: 'VUL-02@A1', dutyCode: 'VUL-02', dutyTitle: { ja: 'VPN装置のパッチ適用', en: 'Patch the VPN appliance' }, assetKey: 'A1', assetName: 'VPN装置' };
const diff: RevisionDiffResponse = {
  from: { id: fid(7, 1), number: 1, sha256: '1'.repeat(64) },
  to: { id: fid(7, 2), number: 2, sha256: '2'.repeat(64) },
  diff: {
    engagement: [],
    parties: { added: [], removed: [], changed: [] },
    assets: { added: [], removed: [], changed: [] },
    duties: { added: [], removed: [], changed: [] },
    cells: {
      changed: [{ ...ref, changes: [{ field: 'assignment', before: null, after: null }], before: canonical({ P1: ['A'], P2: ['R'] }), after: canonical({ P1: ['R', 'A'] }, '院内で実施') }],
      added: [],
      removed: [{ ...ref, key: 'GOV-01@-', dutyCode: 'GOV-01', assetName: null, before: canonical({ P1: ['R', 'A'] }) }],
    },
    byParty: [
      { partyKey: 'P1', displayName: '病院', cells: [{ key: 'VUL-02@A1', dutyCode: 'VUL-02', assetName: 'VPN装置', rolesBefore: ['A'], rolesAfter: ['R', 'A'] }] },
      { partyKey: 'P2', displayName: 'ベンダー1', cells: [{ key: 'VUL-02@A1', dutyCode: 'VUL-02', assetName: 'VPN装置', rolesBefore: ['R'], rolesAfter: [] }] },
    ],
    counts: { cellsAdded: 0, cellsRemoved: 1, cellsChanged: 1 },
  },
} as unknown as RevisionDiffResponse;

const calls = fakeApi(({ method, url }) => (method === 'GET' && url.startsWith(`/api/v1/revisions/${fid(7, 2)}/diff`) ? json(diff) : undefined));

describe('RevisionRedline (版の比較)', () => {
  it('shows the latest two revisions side by side: old letters struck through, new letters and terms, per party', async () => {
    const { container } = renderWithProviders(<RevisionRedline engagementId={ENGAGEMENT_ID} revisions={[rev(1), rev(2)]} />, { parties: [party(0), party(1)] });
    const table = await within(container).findByTestId('redline');
    expect(calls.some((c) => c.url === `/api/v1/revisions/${fid(7, 2)}/diff?against=${fid(7, 1)}`)).toBe(true);
    const changed = table.querySelector('tr.rl-changed')!;
    expect(changed.querySelector('del')?.textContent).toBe('病院 A / ベンダー1 R');
    expect(changed.querySelector('ins')?.textContent).toBe('病院 RA備考: 院内で実施');
    const removed = within(table).getByText('削除').closest('tr')!;
    expect(removed.querySelector('ins')).toBeNull();
    expect(container.textContent).toContain('ベンダー1 1 セルで役割が変わりました');
  });

  it('asks for two different revisions instead of comparing one with itself', async () => {
    const { container } = renderWithProviders(<RevisionRedline engagementId={ENGAGEMENT_ID} revisions={[rev(1), rev(2)]} />, { parties: [party(0)] });
    fireEvent.change(within(container).getByLabelText('比較元'), { target: { value: fid(7, 2) } });
    await waitFor(() => expect(within(container).getByText('異なる2つの版を選んでください。')).toBeTruthy());
    expect(screen.queryAllByTestId('redline').length).toBeLessThanOrEqual(1);
  });
});
