import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJobByKey, findMail, listMail } from '@bunkai/db';
import type { MailTemplates } from '../../src/modules/mail/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createStructureFactories } from '../../src/seed/structure-factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';
import { type SmtpReceiver, startSmtp } from './smtp-receiver.ts';

const clock = manualClock('2026-12-01T09:00:00.000Z');
let smtp: SmtpReceiver;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Bunkai <noreply@bunkai.test>', JOBS_POLL_MS: '20', PUBLIC_URL: 'https://bunkai.example.jp' }, { clock });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const invitation = (over: Partial<MailTemplates['invitation']> = {}): MailTemplates['invitation'] => ({
  engagementTitle: '電子カルテ更改 2027',
  partyName: '電子カルテベンダー',
  inviterName: '情報システム課 山田',
  inviterOrganization: '髙島総合病院',
  acceptUrl: 'https://bunkai.example.jp/invitations/abc',
  expiresAt: '2026-12-15T09:00:00.000Z',
  ...over,
});

/** The newest message queued for an address (the invitation's own mail is queued by the route, not the test). */
const findOutboxFor = async (to: string) => (await listMail(t.database.db, { to, limit: 1 }))[0]?.id;

describe('mail over a real SMTP server', () => {
  it('e-mails an invitation when it is created; the link in the mail previews and accepts it: Japanese by default, plain text and HTML', async () => {
    const f = createStructureFactories(t.app);
    const owner = await f.registerOrganization({ name: '髙島総合病院', kind: 'hospital', displayName: '情報システム課 山田' });
    const engagement = await f.createEngagement(owner, { templateCode: 'onprem-ehr-vpn' });
    const party = (await f.listParties(owner, engagement.id)).find((p) => p.role === 'ehr_vendor')!;
    const vendor = await f.registerOrganization({ name: '電子カルテベンダーA社', kind: 'vendor', email: 'sales@vendor-a.example.jp' });
    const before = smtp.messages.length;
    const created = await owner.http.post<{ invitation: { id: string; acceptUrl: string; expiresAt: string } }>(`/api/v1/engagements/${engagement.id}/invitations`, {
      email: 'sales@vendor-a.example.jp',
      partyId: party.id,
    });
    expect(created.status).toBe(201);
    const { acceptUrl, expiresAt } = created.body.invitation;
    const m = await waitFor('the delivered message', () => smtp.messages[before]);
    expect(m.subject).toBe(`【Bunkai】${engagement.title} への招待`);
    expect(m.from?.value).toEqual([{ name: 'Bunkai', address: 'noreply@bunkai.test' }]);
    expect(m.to && !Array.isArray(m.to) ? m.to.text : '').toBe('sales@vendor-a.example.jp');
    expect(m.text).toContain('招待を承諾する');
    expect(m.text).toContain('情報システム課 山田');
    expect(m.text).toContain('髙島総合病院');
    expect(m.text).toContain(party.displayName);
    expect(m.text).toContain(expiresAt.slice(0, 10));
    expect(m.html).toContain(`<a href="${acceptUrl}">`);
    // The link in the mail is the one shown to the inviter, and its token previews and accepts the invitation.
    const link = /https:\/\/bunkai\.example\.jp\/invitations#token=(\S+)/.exec(m.text!)!;
    expect(link[0]).toBe(acceptUrl);
    const preview = await createHttpClient(t.app).post<{ engagementTitle: string; status: string }>('/api/v1/invitations/preview', { token: link[1] });
    expect(preview.body).toMatchObject({ engagementTitle: engagement.title, status: 'pending' });
    const accepted = await vendor.http.post<{ partyId: string }>('/api/v1/invitations/accept', { token: link[1] });
    expect(accepted.status).toBe(200);
    expect(accepted.body.partyId).toBe(party.id);
    const row = await waitFor('sent', async () => {
      const r = await findMail(t.database.db, (await findOutboxFor('sales@vendor-a.example.jp'))!);
      return r?.status === 'sent' ? r : undefined;
    });
    expect(row.messageId).toBeTruthy();
  });

  it('writes English for a recipient who reads English, and escapes values in HTML', async () => {
    const before = smtp.messages.length;
    await t.app.mail.enqueueMail({ to: 'it@vendor-b.example.com', template: 'invitation', lang: 'en', data: invitation({ engagementTitle: 'EHR <b>2027</b> & VPN' }) });
    const m = await waitFor('the English message', () => smtp.messages[before]);
    expect(m.subject).toBe('[Bunkai] Invitation to EHR <b>2027</b> & VPN');
    expect(m.text).toContain('Accept the invitation: https://bunkai.example.jp/invitations/abc');
    expect(m.html).toContain('EHR &lt;b&gt;2027&lt;/b&gt; &amp; VPN');
    expect(m.html).not.toContain('<b>2027</b>');
  });

  it('retries when the SMTP server refuses, and delivers once', async () => {
    const before = smtp.messages.length;
    const attemptsBefore = smtp.attempts();
    smtp.refuseNext(1);
    const { mailId } = await t.app.mail.enqueueMail({ to: 'retry@vendor-c.example.jp', template: 'invitation', data: invitation() });
    // The job back in the queue (not merely the error noted on the message) before the clock moves.
    await waitFor('the retry scheduled', async () => {
      const job = await findJobByKey(t.database.db, `mail:${mailId}`);
      return job?.status === 'pending' && job.attempts === 1;
    });
    const failed = (await findMail(t.database.db, mailId))!;
    expect(failed.status).toBe('queued');
    expect(failed.lastError).toMatch(/451|busy/);
    expect(smtp.messages.length).toBe(before);
    clock.advance(30_000);
    t.app.jobs.wake();
    await waitFor('the retry', () => smtp.messages.length > before);
    // The server has the message before the client hears back: wait for the row, not just the delivery.
    const sent = await waitFor('sent', async () => {
      const r = await findMail(t.database.db, mailId);
      return r?.status === 'sent' ? r : undefined;
    });
    expect(sent.lastError).toBeNull();
    await t.app.jobs.drain();
    expect(smtp.messages.slice(before).map((m) => m.to && !Array.isArray(m.to) && m.to.text)).toEqual(['retry@vendor-c.example.jp']);
    expect(smtp.attempts() - attemptsBefore).toBe(2);
  });

  it('has no development mailbox when SMTP is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' })).statusCode).toBe(404);
  });
});
