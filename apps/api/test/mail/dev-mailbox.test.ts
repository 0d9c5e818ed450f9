import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMail } from '@bunkai/db';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';

type Mailbox = { messages: { id: string; to: string; subject: string; text: string; html: string; status: string; lang: string }[] };

const data = {
  engagementTitle: '部門システム接続',
  partyName: 'ネットワーク事業者',
  inviterName: '山田',
  inviterOrganization: 'デモ総合病院',
  acceptUrl: 'http://localhost:4170/invitations/tok',
  expiresAt: '2026-12-20T00:00:00.000Z',
};

describe('development mailbox (no SMTP_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JOBS_POLL_MS: '20' });
  });
  afterAll(() => t.close());

  it('keeps every message and shows it, newest first, filterable by recipient', async () => {
    const a = await t.app.mail.enqueueMail({ to: 'Vendor@Example.jp', template: 'invitation', data });
    const b = await t.app.mail.enqueueMail({ to: 'other@example.jp', template: 'invitation', lang: 'en', data });
    const all = await waitFor('both stored', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' });
      const body = r.json<Mailbox>();
      return body.messages.filter((m) => m.status === 'stored').length === 2 ? body : undefined;
    });
    expect(all.messages.map((m) => m.id).sort()).toEqual([a.mailId, b.mailId].sort());
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?to=vendor@example.jp' })).json<Mailbox>();
    expect(mine.messages).toHaveLength(1);
    expect(mine.messages[0]).toMatchObject({ id: a.mailId, lang: 'ja', subject: '【Bunkai】部門システム接続 への招待' });
    expect(mine.messages[0]!.text).toContain(data.acceptUrl);
    expect(mine.messages[0]!.html).toContain(`href="${data.acceptUrl}"`);
  });
});

describe('no development mailbox in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', PUBLIC_URL: 'https://bunkai.example', DATABASE_URL: 'pglite:///tmp/bunkai-unused', JOBS_POLL_MS: '20' });
  });
  afterAll(() => t.close());

  it('answers 404 and still keeps the message in the outbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' })).statusCode).toBe(404);
    const { mailId } = await t.app.mail.enqueueMail({ to: 'x@example.jp', template: 'invitation', data });
    const row = await waitFor('stored', async () => {
      const r = await findMail(t.database.db, mailId);
      return r?.status === 'stored' ? r : undefined;
    });
    expect(row.to).toBe('x@example.jp');
  });
});
