import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TUser } from '@bunkai/domain';
import { sessionStore } from '../../api/session.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { fid } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { TwoFactor } from './two-factor.tsx';

const URI = 'otpauth://totp/Bunkai:vendor%40demo.example?issuer=Bunkai&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';
const CODES = ['abcd-efgh-ijkl-mnop', 'qrst-uvwx-yz23-4567'];
const user = (totpEnabled: boolean): TUser => ({ id: fid(9, 1), organizationId: fid(9, 0), email: 'vendor@demo.example', displayName: 'ベンダー', orgRole: 'admin', totpEnabled, createdAt: '2026-01-01T00:00:00.000Z' });
const signedIn = (totpEnabled: boolean) => sessionStore.set({ accessToken: 'a', user: user(totpEnabled), organization: { id: fid(9, 0) } as never });

const calls = fakeApi(({ method, url, body }) => {
  if (url === '/api/v1/auth/totp/enroll') return json({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: URI });
  if (url === '/api/v1/auth/totp/verify') return json({ user: user(true), recoveryCodes: CODES });
  if (method === 'GET' && url === '/api/v1/auth/recovery-codes') return json({ remaining: 2, total: 10, generatedAt: '2026-12-01T01:00:00.000Z' });
  if (method === 'POST' && url === '/api/v1/auth/recovery-codes') return json({ codes: ['new1-new2-new3-new4'] });
  if (url === '/api/v1/auth/login') {
    const b = body as { totp?: string; recoveryCode?: string };
    if (b.recoveryCode) return json({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: user(true), organization: { id: fid(9, 0), name: 'x', kind: 'vendor', createdAt: '2026-01-01T00:00:00.000Z' } });
    return json({ error: { code: 'totp_required', message: 'Enter the code' }, requestId: 'r' }, 401);
  }
  return undefined;
});
beforeEach(() => window.history.replaceState(null, '', '/sign-in'));
afterEach(() => sessionStore.set(null));

describe('two-factor set-up (二要素認証)', () => {
  it('shows the otpauth URI as a QR code, then the one-time recovery codes once enabled', async () => {
    signedIn(false);
    renderWithProviders(<TwoFactor />);
    fireEvent.click(screen.getByRole('button', { name: '設定をはじめる' }));
    const qr = (await screen.findByRole('img', { name: '認証アプリ登録用の QR コード' })) as HTMLImageElement;
    const svg = decodeURIComponent(qr.src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    // the secret is still there to type by hand
    expect((screen.getByTestId('totp-secret') as HTMLInputElement).value).toBe('JBSWY3DPEHPK3PXP');
    fireEvent.change(screen.getByLabelText('確認コード（6桁）'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'コードを確認して有効にする' }));
    const list = await screen.findByTestId('recovery-codes');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    expect(screen.getByText('この回復コードは今だけ表示されます。')).toBeTruthy();
    expect(sessionStore.get()?.user.totpEnabled).toBe(true);
  });

  it('an enabled account sees how many codes are left and makes a new set with its password', async () => {
    signedIn(true);
    renderWithProviders(<TwoFactor />);
    expect((await screen.findByTestId('recovery-remaining')).textContent).toContain('未使用 2 / 10 件');
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '回復コードを作り直す…' }));
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'my password' } });
    fireEvent.click(screen.getByRole('button', { name: '回復コードを作り直す' }));
    expect((await screen.findByTestId('recovery-codes')).textContent).toContain('new1-new2-new3-new4');
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/auth/recovery-codes')?.body).toEqual({ password: 'my password' });
  });

  it('sign-in takes a recovery code instead of the authenticator code', async () => {
    renderWithProviders(<SignInPage />);
    fireEvent.change(screen.getByLabelText('メールアドレス'), { target: { value: 'vendor@demo.example' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'bunkai-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));
    fireEvent.click(await screen.findByRole('button', { name: '認証アプリを使えない場合は回復コードを使う' }));
    fireEvent.change(screen.getByLabelText('回復コード'), { target: { value: ' ABCD-EFGH-IJKL-MNOP ' } });
    fireEvent.click(screen.getByRole('button', { name: '確認してログイン' }));
    await waitFor(() => expect(sessionStore.get()?.accessToken).toBe('a'));
    expect(calls.filter((c) => c.url === '/api/v1/auth/login').at(-1)?.body).toEqual({ email: 'vendor@demo.example', password: 'bunkai-demo', recoveryCode: 'ABCD-EFGH-IJKL-MNOP' });
  });
});
