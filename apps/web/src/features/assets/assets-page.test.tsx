import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TAsset, TEngagementRole } from '@bunkai/domain';
import { asset, ENGAGEMENT_ID, fid, party } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { AssetsPage } from './assets-page.tsx';

const parties = [party(0), party(1)];
const listed = (): TAsset[] => [
  // listed out of order: the page sorts by position
  { ...asset(1), name: 'VPN装置', category: 'vpn_appliance', ownerPartyId: fid(1, 1), vendor: 'ACME', model: 'VX-1', assetVersion: '2.0', supportEndsOn: '2030-03-31', version: 2 },
  { ...asset(0), name: '電子カルテサーバ', ownerPartyId: fid(1, 0) },
];

let patchStatus = 200;
beforeEach(() => {
  patchStatus = 200;
});
const calls = fakeApi(({ method, url, body }) => {
  if (url === `/api/v1/engagements/${ENGAGEMENT_ID}/assets` && method === 'GET') return json({ assets: listed() });
  if (url === `/api/v1/engagements/${ENGAGEMENT_ID}/assets` && method === 'POST') return json({ assets: [{ ...asset(2), ...(body as object) }], cellsCreated: 12 }, 201);
  if (url.startsWith('/api/v1/assets/') && method === 'PATCH' && patchStatus === 409)
    return json({ error: { code: 'stale_version', message: 'Asset changed by someone else.', details: {} }, requestId: 'req-1' }, 409);
  if (url.startsWith('/api/v1/assets/') && method === 'PATCH') return json({ asset: listed()[0], cellsCreated: 0, cellsDeleted: 0 });
  if (url.startsWith('/api/v1/assets/') && method === 'DELETE') return new Response(null, { status: 204 });
  return undefined;
});

const renderPage = (roles: TEngagementRole[]) => renderWithProviders(<AssetsPage engagementId={ENGAGEMENT_ID} />, { parties, myPartyId: fid(1, 0), roles });
const writes = (method: string) => calls.filter((c) => c.method === method);

describe('AssetsPage', () => {
  it('lists the assets in position order with category, owner and support end', async () => {
    renderPage(['member']);
    await screen.findByText('電子カルテサーバ');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('rowheader')[0]?.textContent)).toEqual(['電子カルテサーバ', 'VPN装置']);
    const vpn = rows[1] as HTMLElement;
    expect(within(vpn).getByText('VPN装置', { selector: 'td' })).toBeTruthy();
    expect(within(vpn).getByText('ベンダー1')).toBeTruthy();
    expect(within(vpn).getByText('ACME')).toBeTruthy();
    expect(within(vpn).getByText('VX-1')).toBeTruthy();
    expect(within(vpn).getByText('2.0')).toBeTruthy();
    expect(within(vpn).getByText(/2030/)).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('病院')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('サーバ')).toBeTruthy();
  });

  it('adds an asset: POSTs the form as the API takes it', async () => {
    renderPage(['member']);
    fireEvent.click(await screen.findByRole('button', { name: /資産を追加/ }));
    const dialog = screen.getByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: '追加する' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/資産名/), { target: { value: ' 院内LANスイッチ ' } });
    fireEvent.change(within(dialog).getByLabelText('種別'), { target: { value: 'network_device' } });
    fireEvent.change(within(dialog).getByLabelText('資産の所有者'), { target: { value: fid(1, 1) } });
    fireEvent.change(within(dialog).getByLabelText(/メーカー/), { target: { value: 'NetCo' } });
    fireEvent.change(within(dialog).getByLabelText(/保守期限/), { target: { value: '2032-03-31' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(writes('POST')).toHaveLength(1));
    expect(writes('POST')[0]).toEqual({
      method: 'POST',
      url: `/api/v1/engagements/${ENGAGEMENT_ID}/assets`,
      body: { name: '院内LANスイッチ', category: 'network_device', ownerPartyId: fid(1, 1), vendor: 'NetCo', model: '', assetVersion: '', supportEndsOn: '2032-03-31' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('資産を追加しました（セル 12 件を作成）。')).toBeTruthy();
  });

  it('edits with the version it saw and sends only what changed; a 409 offers the latest', async () => {
    patchStatus = 409;
    renderPage(['member']);
    fireEvent.click(await screen.findByRole('button', { name: '「VPN装置」を編集' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/型番/), { target: { value: 'VX-2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(writes('PATCH')).toHaveLength(1));
    expect(writes('PATCH')[0]).toMatchObject({ url: `/api/v1/assets/${fid(2, 1)}`, body: { version: 2, model: 'VX-2' } });
    expect(Object.keys(writes('PATCH')[0]?.body as object).sort()).toEqual(['model', 'version']);
    expect(await within(dialog).findByText(/他の人が先に更新しました/)).toBeTruthy();
    const gets = () => calls.filter((c) => c.method === 'GET').length;
    const before = gets();
    fireEvent.click(within(dialog).getByRole('button', { name: '最新の内容を読み込む' }));
    await waitFor(() => expect(gets()).toBeGreaterThan(before));
    await waitFor(() => expect(within(dialog).queryByText(/他の人が先に更新しました/)).toBeNull());
    expect((within(dialog).getByLabelText(/型番/) as HTMLInputElement).value).toBe('VX-1');
  });

  it('deletes after a confirm, for the owner only', async () => {
    renderPage(['owner']);
    fireEvent.click(await screen.findByRole('button', { name: '「VPN装置」を削除' }));
    expect(writes('DELETE')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '削除する' }));
    await waitFor(() => expect(writes('DELETE')).toHaveLength(1));
    expect(writes('DELETE')[0]?.url).toBe(`/api/v1/assets/${fid(2, 1)}`);
  });

  it('a member can edit but not delete', async () => {
    renderPage(['member']);
    await screen.findByText('電子カルテサーバ');
    expect(screen.getAllByRole('button', { name: /を編集$/ })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /を削除$/ })).toBeNull();
  });

  it('hides every write control from an observer', async () => {
    renderPage(['observer']);
    await screen.findByText('電子カルテサーバ');
    expect(screen.queryByRole('button', { name: /資産を追加/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /編集/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /削除/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });
});
