import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TRevisionView, TUser } from '@bunkai/domain';
import { sessionStore } from '../../api/session.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { ENGAGEMENT_ID, fid } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { SignDialog } from './sign-dialog.tsx';

const REVISION = { id: fid(5, 1), number: 1, sha256: 'a'.repeat(64) } as TRevisionView;
const PARTY = fid(3, 1);
const user: TUser = { id: fid(9, 1), organizationId: fid(9, 0), email: 'ceo@vendor.example', displayName: '署名者', orgRole: 'admin', totpEnabled: true, createdAt: '2026-01-01T00:00:00.000Z' };
const calls = fakeApi(({ method, url }) => {
  if (method === 'GET' && url.startsWith(`/api/v1/revisions/${REVISION.id}/signing-statement`))
    return json({ statement: '私は第1版に署名します。', revision: { id: REVISION.id, number: 1, sha256: REVISION.sha256 }, party: { id: PARTY, displayName: 'ベンダー' }, requiresTotp: true, sealVersion: 1 });
  if (method === 'POST' && url === `/api/v1/revisions/${REVISION.id}/signatures`) return json({ error: { code: 'invalid_recovery_code', message: 'The recovery code is wrong or was already used.' }, requestId: 'r' }, 401);
  return undefined;
});
afterEach(() => sessionStore.set(null));

describe('signing with a recovery code (decision 0014)', () => {
  it('offers a recovery code instead of the authenticator code and sends it as recoveryCode', async () => {
    sessionStore.set({ accessToken: 'a', user, organization: { id: fid(9, 0) } as never });
    renderWithProviders(<SignDialog engagementId={ENGAGEMENT_ID} revision={REVISION} partyId={PARTY} partyName="ベンダー" onClose={() => undefined} />);
    await screen.findByTestId('signing-statement');
    fireEvent.change(screen.getByLabelText('パスワード（再入力）'), { target: { value: 'my password' } });
    fireEvent.click(screen.getByRole('button', { name: '認証アプリを使えない場合は回復コードを使う' }));
    expect(screen.queryByLabelText('確認コード（6桁）')).toBeNull();
    fireEvent.change(screen.getByLabelText('回復コード'), { target: { value: ' abcd-efgh-ijkl-mnop ' } });
    fireEvent.click(screen.getByRole('button', { name: 'この版に署名する' }));
    await screen.findByText('回復コードが違うか、すでに使用されています。');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ partyId: PARTY, password: 'my password', recoveryCode: 'abcd-efgh-ijkl-mnop' }),
    );
  });
});
