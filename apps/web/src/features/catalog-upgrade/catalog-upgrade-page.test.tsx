import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCatalogUpgradeResponse, TDutyDefinition } from '@bunkai/domain';
import { ENGAGEMENT_ID } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CatalogUpgradePage } from './catalog-upgrade-page.tsx';

const def = (code: string, title: string): TDutyDefinition => ({
  code,
  title: { ja: title, en: title },
  description: { ja: '説明', en: 'Description' },
  phase: 'normal',
  category: 'governance',
  appliesTo: [],
  concerns: [],
  kakuninhyoPart: 1,
  order: 10,
  references: [{ document: 'mhlw-gl6-ops', section: '§3' }],
});
const reason = { version: '2026.2', reason: { ja: '根拠を改めた', en: 'Reference corrected' } };
const preview = (): TCatalogUpgradeResponse => ({
  to: '2026.2',
  entries: [
    { code: 'AUTH-03', kind: 'changed', fromVersion: '2026.1', fields: ['references'], reasons: [reason], current: def('AUTH-03', '旧'), proposed: def('AUTH-03', 'ワンタイムパスワードの管理'), dutyId: '11111111-1111-4111-8111-111111111111', underNegotiation: false, agreedCells: 2 },
    { code: 'VUL-02', kind: 'changed', fromVersion: '2026.1', fields: ['references'], reasons: [reason], current: def('VUL-02', 'VPN'), proposed: def('VUL-02', 'VPN装置の脆弱性対応'), dutyId: '22222222-2222-4222-8222-222222222222', underNegotiation: true, agreedCells: 0 },
    { code: 'NET-08', kind: 'added', fromVersion: null, fields: [], reasons: [reason], current: null, proposed: def('NET-08', 'テレワーク'), dutyId: null, underNegotiation: false, agreedCells: 0 },
  ],
});

const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url === `/api/v1/engagements/${ENGAGEMENT_ID}/catalog-upgrade`) return json(preview());
  if (method === 'POST' && url.endsWith('/catalog-upgrade/adopt'))
    return json({ to: '2026.2', adopted: (body as { dutyCodes: string[] }).dutyCodes.map((code) => ({ code, kind: 'changed', cellsProposedAgain: 2, cellsCreated: 0 })) });
  return undefined;
});

describe('CatalogUpgradePage (カタログ更新)', () => {
  it('shows each change with its reasons and adopts only the duties the owner picks', async () => {
    renderWithProviders(<CatalogUpgradePage engagementId={ENGAGEMENT_ID} />, { roles: ['owner', 'member'] });
    expect(await screen.findAllByTestId('upgrade-entry')).toHaveLength(3);
    expect(screen.getAllByText(/根拠を改めた/)).toHaveLength(3);
    expect(screen.getByText(/合意済みのセル 2 件を再提案/)).toBeTruthy();
    // A duty under negotiation cannot be picked.
    expect((screen.getByRole('checkbox', { name: 'VUL-02 を採用する' }) as HTMLInputElement).disabled).toBe(true);
    const adopt = screen.getByRole('button', { name: /採用/ }) as HTMLButtonElement;
    expect(adopt.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'AUTH-03 を採用する' }));
    fireEvent.click(screen.getByRole('button', { name: '選んだ 1 件を採用' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ dutyCodes: ['AUTH-03'] });
    expect(await screen.findByText('1 件を採用しました（再提案したセル 2 件）。')).toBeTruthy();
  });

  it('lets readers see the preview without adopting', async () => {
    renderWithProviders(<CatalogUpgradePage engagementId={ENGAGEMENT_ID} />, { roles: ['member'] });
    expect(await screen.findAllByTestId('upgrade-entry')).toHaveLength(3);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /採用/ })).toBeNull();
  });
});
