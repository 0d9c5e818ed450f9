import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fid } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { UnsubscribePage } from './unsubscribe-page.tsx';

const TOKEN = 'a'.repeat(64);
const calls = fakeApi(({ method, url }) =>
  method === 'POST' && url === '/api/v1/notifications/unsubscribe' ? json({ preferences: { digest: 'none', notifyInformational: false, lang: 'ja', updatedAt: null } }) : undefined,
);

describe('UnsubscribePage (配信停止)', () => {
  it('sends nothing on opening; one click stops the e-mails with the token from the link', async () => {
    window.history.replaceState(null, '', `/unsubscribe?user=${fid(8, 1)}&token=${TOKEN}`);
    renderWithProviders(<UnsubscribePage />);
    const button = await screen.findByRole('button', { name: '配信を停止する' });
    expect(calls).toHaveLength(0);
    fireEvent.click(button);
    await screen.findByText(/通知メールを停止しました/);
    await waitFor(() => expect(calls.map((c) => c.body)).toEqual([{ userId: fid(8, 1), token: TOKEN }]));
  });
});
