import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { NotificationSettings } from './notification-settings.tsx';

let prefs = { digest: 'immediate', notifyInformational: false, lang: 'ja', updatedAt: null as string | null };
const calls = fakeApi(({ method, url, body }) => {
  if (url !== '/api/v1/me/preferences') return undefined;
  if (method === 'PATCH') prefs = { ...prefs, ...(body as object), updatedAt: '2026-12-07T00:00:00.000Z' };
  return json({ preferences: prefs });
});

describe('NotificationSettings (通知設定)', () => {
  it('shows the defaults and saves each change at once', async () => {
    renderWithProviders(<NotificationSettings />);
    const digest = (await screen.findByLabelText('通知メールの頻度')) as HTMLSelectElement;
    expect(digest.value).toBe('immediate');
    fireEvent.change(digest, { target: { value: 'daily' } });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ digest: 'daily' }]));
    fireEvent.click(screen.getByLabelText(/情報共有（C\/I）/));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ digest: 'daily' }, { notifyInformational: true }]));
    expect(((await screen.findByLabelText('通知メールの頻度')) as HTMLSelectElement).value).toBe('daily');
  });
});
