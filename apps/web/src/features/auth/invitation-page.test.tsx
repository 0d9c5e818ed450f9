import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { InvitationPage } from './invitation-page.tsx';

const TOKEN = 'engTokenABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const calls = fakeApi(({ url }) => {
  if (url === '/api/v1/invitations/preview')
    return json({ engagementTitle: '電子カルテ更改 2027', hospitalName: '市立みなと病院', partyRole: 'ehr_vendor', partyDisplayName: '電子カルテベンダー', email: 'sales@vendor.example', acceptBy: 'invitee', expiresAt: '2026-12-15T00:00:00.000Z', status: 'pending' });
  return undefined;
});
afterEach(() => sessionStorage.clear());

describe('engagement invitation link (招待): the token never stays in a URL', () => {
  it('reads the token from the fragment, sends it in the body, and shows /invitations only; sign-in comes back without the token in next=', async () => {
    window.history.replaceState(null, '', `/invitations#token=${TOKEN}`);
    renderWithProviders(<InvitationPage />);
    await screen.findByText('電子カルテベンダー', { exact: false });
    expect(calls.find((c) => c.url === '/api/v1/invitations/preview')?.body).toEqual({ token: TOKEN });
    expect(window.location.pathname + window.location.hash).toBe('/invitations');
    const signIn = screen.getByRole('link', { name: 'ログインして承諾' }) as HTMLAnchorElement;
    expect(signIn.getAttribute('href')).not.toContain(TOKEN);
    expect(signIn.getAttribute('href')).toContain(encodeURIComponent('/invitations'));
  });

  it('after signing in, /invitations finds the token again in this tab; a link mailed with the token in its path is moved out of it', async () => {
    window.history.replaceState(null, '', `/invitations/${TOKEN}`);
    const first = renderWithProviders(<InvitationPage pathToken={TOKEN} />);
    await screen.findByText('電子カルテベンダー', { exact: false });
    expect(window.location.pathname).toBe('/invitations');
    first.unmount();
    calls.length = 0;
    renderWithProviders(<InvitationPage />);
    await waitFor(() => expect(calls.find((c) => c.url === '/api/v1/invitations/preview')?.body).toEqual({ token: TOKEN }));
  });
});
