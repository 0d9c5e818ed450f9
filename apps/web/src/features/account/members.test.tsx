import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TMemberInvitation, TUser } from '@bunkai/domain';
import { sessionStore } from '../../api/session.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { fid } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { JoinPage } from '../auth/join-page.tsx';
import { TotpResetPage } from '../auth/totp-reset-page.tsx';
import { AccountEvents } from './account-events.tsx';
import { Members } from './members.tsx';

const ORG = { id: fid(9, 0), name: '市立みなと病院', kind: 'hospital' as const, createdAt: '2026-01-01T00:00:00.000Z' };
const user = (over: Partial<TUser> = {}): TUser => ({ id: fid(9, 1), organizationId: ORG.id, email: 'admin@minato.example', displayName: '山田', orgRole: 'admin', totpEnabled: true, createdAt: '2026-01-01T00:00:00.000Z', ...over });
const invitation = (over: Partial<TMemberInvitation>): TMemberInvitation => ({
  id: fid(8, 1),
  email: 'new@minato.example',
  orgRole: 'member',
  status: 'pending',
  expiresAt: '2026-12-15T00:00:00.000Z',
  sentAt: '2026-12-01T00:00:00.000Z',
  acceptedAt: null,
  revokedAt: null,
  createdByUserId: fid(9, 1),
  createdAt: '2026-12-01T00:00:00.000Z',
  ...over,
});
const session = { accessToken: 'a', expiresIn: 900, user: user({ email: 'new@minato.example', orgRole: 'member', totpEnabled: false }), organization: ORG };
const TOKEN = 'tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef';

let previewStatus = 'pending';
const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url === '/api/v1/organization/users') return json({ users: [user()] });
  if (method === 'GET' && url === '/api/v1/organization/invitations')
    return json({ invitations: [invitation({}), invitation({ id: fid(8, 2), email: 'late@minato.example', status: 'expired' }), invitation({ id: fid(8, 3), email: 'in@minato.example', status: 'accepted' })] });
  if (method === 'POST' && url === '/api/v1/organization/invitations') return json({ invitation: invitation({ email: (body as { email: string }).email }) }, 201);
  if (method === 'POST' && url.endsWith('/resend')) return json({ invitation: invitation({ id: fid(8, 2), email: 'late@minato.example' }) });
  if (method === 'DELETE' && url.startsWith('/api/v1/organization/invitations/')) return json({ invitation: invitation({ status: 'revoked' }) });
  if (url === '/api/v1/member-invitations/preview') return json({ organizationName: ORG.name, email: 'new@minato.example', orgRole: 'member', expiresAt: '2026-12-15T00:00:00.000Z', status: previewStatus });
  if (url === '/api/v1/member-invitations/accept') return json(session, 201);
  if (url === '/api/v1/auth/totp/reset') {
    if ((body as { recoveryCode: string }).recoveryCode === 'used-used-used-used') return json({ error: { code: 'invalid_recovery_code', message: 'The recovery code is wrong or was already used.' }, requestId: 'r' }, 401);
    return json({ ...session, user: user(), enrollment: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Bunkai:a?secret=JBSWY3DPEHPK3PXP' } });
  }
  if (method === 'GET' && url.startsWith('/api/v1/organization/events'))
    return json({
      events: [
        { id: fid(7, 2), type: 'recovery_code.used', actorUserId: fid(9, 1), subjectUserId: fid(9, 1), payload: { purpose: 'signing' }, at: '2026-12-02T01:00:00.000Z' },
        { id: fid(7, 1), type: 'member.invited', actorUserId: fid(9, 1), subjectUserId: null, payload: { email: 'new@minato.example' }, at: '2026-12-01T01:00:00.000Z' },
      ],
    });
  if (url === '/api/v1/auth/totp/verify') return json({ user: user(), recoveryCodes: ['aaaa-bbbb-cccc-dddd'] });
  return undefined;
});
beforeEach(() => {
  previewStatus = 'pending';
  window.history.replaceState(null, '', '/account');
});
afterEach(() => sessionStore.set(null));

describe('members invited by e-mail (メンバー招待)', () => {
  it('the admin invites with an e-mail and a role — no password field — and sees, resends and revokes open invitations', async () => {
    sessionStore.set({ accessToken: 'a', user: user(), organization: ORG });
    renderWithProviders(<Members />);
    expect(screen.queryByLabelText('パスワード')).toBeNull();
    fireEvent.change(screen.getByLabelText('メールアドレス'), { target: { value: 'nurse@minato.example' } });
    fireEvent.change(screen.getByLabelText('組織内の権限'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: '招待メールを送る' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/organization/invitations')?.body).toEqual({ email: 'nurse@minato.example', orgRole: 'admin' }));
    const rows = await screen.findAllByTestId('member-invitation');
    // accepted invitations are shown as members, not as invitations
    expect(rows.map((r) => r.querySelector('strong')?.textContent)).toEqual(['new@minato.example', 'late@minato.example']);
    expect(within(rows[1]!).getByText('期限切れ')).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button', { name: '取り消す' })).toBeNull();
    fireEvent.click(within(rows[1]!).getByRole('button', { name: '再送' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === `/api/v1/organization/invitations/${fid(8, 2)}/resend`)).toBe(true));
    fireEvent.click(within(rows[0]!).getByRole('button', { name: '取り消す' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '取り消す（確定）' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === `/api/v1/organization/invitations/${fid(8, 1)}`)).toBe(true));
  });

  it('the account audit log names each event, why a recovery code was used, and who acted', async () => {
    sessionStore.set({ accessToken: 'a', user: user(), organization: ORG });
    renderWithProviders(<AccountEvents />);
    const items = within(await screen.findByTestId('account-events')).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('回復コードを使用');
    expect(items[0]!.textContent).toContain('（署名）');
    expect(items[0]!.textContent).toContain('山田');
    expect(items[1]!.textContent).toContain('メンバーを招待');
    expect(items[1]!.textContent).toContain('new@minato.example');
  });

  it('the join page reads the token from the fragment, drops it from the address bar, and sends it in the body', async () => {
    window.history.replaceState(null, '', `/join#token=${TOKEN}`);
    renderWithProviders(<JoinPage />);
    expect((await screen.findByTestId('join-email')).textContent).toBe('new@minato.example');
    expect(window.location.hash).toBe('');
    expect(calls.find((c) => c.url === '/api/v1/member-invitations/preview')?.body).toEqual({ token: TOKEN });
    fireEvent.change(screen.getByLabelText('氏名'), { target: { value: '看護部 佐藤' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'my own password 1' } });
    fireEvent.change(screen.getByLabelText('パスワード（確認）'), { target: { value: 'my own password 2' } });
    expect(screen.getByText('パスワードが一致しません。')).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'パスワードを設定して参加する' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('パスワード（確認）'), { target: { value: 'my own password 1' } });
    fireEvent.click(submit);
    await waitFor(() => expect(sessionStore.get()?.user.email).toBe('new@minato.example'));
    expect(calls.find((c) => c.url === '/api/v1/member-invitations/accept')?.body).toEqual({ token: TOKEN, displayName: '看護部 佐藤', password: 'my own password 1' });
    expect(window.location.pathname).toBe('/account');
  });

  it('a used or expired link says so instead of offering the form', async () => {
    previewStatus = 'accepted';
    window.history.replaceState(null, '', `/join#token=${TOKEN}`);
    renderWithProviders(<JoinPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('この招待はすでに使われています。');
    expect(screen.queryByLabelText('パスワード')).toBeNull();
  });
});

describe('TOTP reset with a recovery code (認証アプリの再設定)', () => {
  it('shows a refused code, then the new QR code, then the new recovery codes', async () => {
    window.history.replaceState(null, '', '/totp-reset?email=admin%40minato.example');
    renderWithProviders(<TotpResetPage />);
    expect((screen.getByLabelText('メールアドレス') as HTMLInputElement).value).toBe('admin@minato.example');
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'my password' } });
    fireEvent.change(screen.getByLabelText('回復コード'), { target: { value: 'used-used-used-used' } });
    fireEvent.click(screen.getByRole('button', { name: '本人確認して再設定をはじめる' }));
    expect(await screen.findByText('回復コードが違うか、すでに使用されています。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('回復コード'), { target: { value: ' abcd-efgh-ijkl-mnop ' } });
    fireEvent.click(screen.getByRole('button', { name: '本人確認して再設定をはじめる' }));
    expect(await screen.findByTestId('totp-qr')).toBeTruthy();
    expect(calls.filter((c) => c.url === '/api/v1/auth/totp/reset').at(-1)?.body).toEqual({ email: 'admin@minato.example', password: 'my password', recoveryCode: 'abcd-efgh-ijkl-mnop' });
    expect(sessionStore.get()?.accessToken).toBe('a');
    fireEvent.change(screen.getByLabelText('確認コード（6桁）'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'コードを確認して有効にする' }));
    expect((await screen.findByTestId('recovery-codes')).textContent).toContain('aaaa-bbbb-cccc-dddd');
  });
});
