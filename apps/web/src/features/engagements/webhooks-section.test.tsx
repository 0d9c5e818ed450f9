import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_ID, fid } from '../../test/fixtures.ts';
import { fakeApi, json } from '../../test/fake-api.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

const base = `/api/v1/engagements/${ENGAGEMENT_ID}/webhooks`;
const hook = { id: fid(6, 1), url: 'https://hooks.example.jp/bunkai', description: '院内連携', events: ['proposal.created'], active: true, version: 1, createdAt: '2026-01-01T00:00:00.000Z' };
const delivery = { id: fid(7, 1), eventType: 'webhook.test', eventSeq: null, status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', createdAt: '2026-01-01T00:00:00.000Z', lastAttemptAt: '2026-01-01T00:00:01.000Z', deliveredAt: null };
const calls = fakeApi(({ method, url, body }) => {
  if (method === 'GET' && url === base) return json({ webhooks: [hook] });
  if (method === 'POST' && url === base) {
    const target = (body as { url: string }).url;
    if (target.includes('127.0.0.1')) return json({ error: { code: 'webhook_target_refused', message: '127.0.0.1 is a loopback address' }, requestId: 'r' }, 400);
    return json({ webhook: { ...hook, id: fid(6, 2), url: target }, secret: 'whsec_0123456789abcdef' }, 201);
  }
  if (method === 'POST' && url === `${base}/${hook.id}/test`) return json({ delivery }, 202);
  if (method === 'PATCH' && url === `${base}/${hook.id}`) return json({ webhook: { ...hook, ...(body as object), version: 2 } });
  if (method === 'GET' && url.startsWith(`${base}/${hook.id}/deliveries`)) return json({ deliveries: [delivery] });
  return undefined;
});

describe('WebhooksSection', () => {
  it('adds a webhook and shows its secret once; a private target is refused with the reason', async () => {
    // submit, not a click: happy-dom's constraint validation refuses an http URL with an IP the browser accepts
    renderWithProviders(<WebhooksSection engagementId={ENGAGEMENT_ID} />);
    await screen.findByText(hook.url);
    fireEvent.change(screen.getByLabelText('送信先 URL'), { target: { value: 'http://127.0.0.1:9/hook' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Webhook を追加' }).closest('form')!);
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await screen.findByText(/この送信先には送れません/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('送信先 URL'), { target: { value: 'https://erp.example.jp/in' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Webhook を追加' }).closest('form')!);
    expect(((await screen.findByTestId('webhook-secret')) as HTMLInputElement).value).toBe('whsec_0123456789abcdef');
    // every event by default
    expect((calls.filter((c) => c.method === 'POST').at(-1)?.body as { events: string[] }).events).toHaveLength(8);
  });

  it('sends a test and opens the delivery log', async () => {
    renderWithProviders(<WebhooksSection engagementId={ENGAGEMENT_ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'テスト送信' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === `${base}/${hook.id}/test`)).toBe(true));
    const row = await screen.findByTestId('webhook-delivery');
    expect(row.textContent).toContain('webhook.test');
    expect(row.textContent).toContain('再試行待ち');
    expect(row.textContent).toContain('500');
  });

  it('subscribes to the chosen events only, and pauses a webhook with its version', async () => {
    renderWithProviders(<WebhooksSection engagementId={ENGAGEMENT_ID} />);
    await screen.findByText(hook.url);
    for (const e of ['proposal.countered', 'proposal.rejected', 'revision.frozen', 'signature.created', 'revision.executed', 'cell.agreed']) fireEvent.click(screen.getByLabelText(e));
    fireEvent.change(screen.getByLabelText('送信先 URL'), { target: { value: 'https://erp.example.jp/in' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Webhook を追加' }).closest('form')!);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === base)).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.url === base)?.body).toEqual({ url: 'https://erp.example.jp/in', events: ['proposal.created', 'proposal.accepted'] });
    fireEvent.click(screen.getByRole('button', { name: '停止' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: `${base}/${hook.id}`, body: { version: 1, active: false } }));
  });
});
