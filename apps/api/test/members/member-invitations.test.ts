import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberInvitations } from '@bunkai/db';
import type { ParsedMail } from 'mailparser';
import { manualClock } from '../../src/platform/clock.ts';
import { type Member, createFactories } from '../../src/seed/factories.ts';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';
import { type SmtpReceiver, startSmtp } from '../mail/smtp-receiver.ts';

/**
 * メンバー招待 over a real SMTP server: the link is read from the delivered message, never from the
 * API (which does not answer the token), exactly as the invited person would get it.
 */
const clock = manualClock('2026-12-01T09:00:00.000Z');
let smtp: SmtpReceiver;
let t: TestApp;
let f: ReturnType<typeof createFactories>;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Bunkai <noreply@bunkai.test>', JOBS_POLL_MS: '20', PUBLIC_URL: 'https://bunkai.example.jp', INVITATION_TTL_DAYS: '7' }, { clock });
  f = createFactories(t.app);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const anon = () => createHttpClient(t.app);
const PASSWORD = 'my own password 1';
const mailTo = (to: string, nth = 0) =>
  waitFor(`mail #${nth + 1} to ${to}`, () => smtp.messages.filter((m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === to)[nth]);
const tokenOf = (m: ParsedMail) => /https:\/\/bunkai\.example\.jp\/join#token=([A-Za-z0-9_-]+)/.exec(m.text ?? '')![1]!;
let n = 0;
const address = () => `person${++n}.${Date.now()}@hospital.example.jp`;

type Invitation = { id: string; status: string; email: string; orgRole: string; expiresAt: string };
const invite = (admin: Member, email: string, orgRole: 'admin' | 'member' = 'member') =>
  admin.http.post<{ invitation: Invitation }>('/api/v1/organization/invitations', { email, orgRole });

describe('members invited by e-mail', () => {
  it('e-mails a one-time link with the token in the fragment; the person sets their own password, becomes a member and signs in', async () => {
    const admin = await f.registerOrganization({ name: '市立みなと病院', kind: 'hospital', displayName: '情報システム課 山田' });
    const email = address();
    const created = await invite(admin, email);
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({ email, orgRole: 'member', status: 'pending' });
    expect(JSON.stringify(created.body)).not.toMatch(/token/i);
    const m = await mailTo(email);
    expect(m.subject).toBe('【Bunkai】市立みなと病院 へのメンバー招待');
    expect(m.text).toContain('情報システム課 山田');
    expect(m.text).toContain('2026-12-08');
    const token = tokenOf(m);
    expect(m.html).toContain(`/join#token=${token}`);
    // Only the hash is stored.
    const [row] = await t.database.db.select().from(memberInvitations).where(eq(memberInvitations.id, created.body.invitation.id));
    expect(row!.tokenHash).not.toContain(token);

    const preview = await anon().post('/api/v1/member-invitations/preview', { token });
    expect(preview.body).toMatchObject({ organizationName: '市立みなと病院', email, orgRole: 'member', status: 'pending' });
    const joined = await anon().post<{ user: { email: string; orgRole: string; organizationId: string }; accessToken: string }>('/api/v1/member-invitations/accept', {
      token,
      displayName: '看護部 佐藤',
      password: PASSWORD,
    });
    expect(joined.status).toBe(201);
    expect(joined.body.user).toMatchObject({ email, orgRole: 'member', organizationId: admin.session.organization.id });
    expect(joined.body.accessToken).toBeTruthy();
    const signIn = await anon().post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    const users = await admin.http.get<{ users: { email: string; displayName: string }[] }>('/api/v1/organization/users');
    expect(users.body.users).toContainEqual(expect.objectContaining({ email, displayName: '看護部 佐藤' }));
    const list = await admin.http.get<{ invitations: Invitation[] }>('/api/v1/organization/invitations');
    expect(list.body.invitations.find((i) => i.id === created.body.invitation.id)!.status).toBe('accepted');
    const log = await admin.http.get<{ events: { type: string }[] }>('/api/v1/organization/events');
    expect(log.body.events.map((e) => e.type).slice(0, 2)).toEqual(['member.joined', 'member.invited']);
  });

  it('refuses a reused link (409 invitation_used), and two joins with one link create one account', async () => {
    const admin = await f.registerOrganization();
    const email = address();
    await invite(admin, email);
    const token = tokenOf(await mailTo(email));
    const both = await Promise.all([1, 2].map((i) => anon().post('/api/v1/member-invitations/accept', { token, displayName: `P${i}`, password: PASSWORD })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const again = await anon().post('/api/v1/member-invitations/accept', { token, displayName: 'Again', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'invitation_used' } });
    const users = await admin.http.get<{ users: { email: string }[] }>('/api/v1/organization/users');
    expect(users.body.users.filter((u) => u.email === email)).toHaveLength(1);
  });

  it('an expired link answers 409 invitation_expired; resending mails a new link and the old one stops working', async () => {
    const admin = await f.registerOrganization();
    const email = address();
    const { body } = await invite(admin, email);
    const oldToken = tokenOf(await mailTo(email));
    clock.advance(8 * 86_400_000);
    const expired = await anon().post('/api/v1/member-invitations/accept', { token: oldToken, displayName: 'Late', password: PASSWORD });
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ error: { code: 'invitation_expired' } });
    expect((await anon().post('/api/v1/member-invitations/preview', { token: oldToken })).body).toMatchObject({ status: 'expired' });
    const resent = await admin.http.post<{ invitation: Invitation }>(`/api/v1/organization/invitations/${body.invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.invitation.status).toBe('pending');
    const newToken = tokenOf(await mailTo(email, 1));
    expect(newToken).not.toBe(oldToken);
    expect((await anon().post('/api/v1/member-invitations/accept', { token: oldToken, displayName: 'Old', password: PASSWORD })).status).toBe(404);
    expect((await anon().post('/api/v1/member-invitations/accept', { token: newToken, displayName: 'New', password: PASSWORD })).status).toBe(201);
  });

  it('a revoked link answers 409 invitation_revoked; a used invitation cannot be revoked or resent', async () => {
    const admin = await f.registerOrganization();
    const email = address();
    const { body } = await invite(admin, email);
    const token = tokenOf(await mailTo(email));
    const revoked = await admin.http.delete<{ invitation: Invitation }>(`/api/v1/organization/invitations/${body.invitation.id}`);
    expect(revoked.body.invitation.status).toBe('revoked');
    const refused = await anon().post('/api/v1/member-invitations/accept', { token, displayName: 'X', password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'invitation_revoked' } });
    expect((await admin.http.post(`/api/v1/organization/invitations/${body.invitation.id}/resend`)).body).toMatchObject({ error: { code: 'invitation_revoked' } });

    const email2 = address();
    const second = await invite(admin, email2, 'admin');
    const token2 = tokenOf(await mailTo(email2));
    const joined = await anon().post<{ user: { orgRole: string } }>('/api/v1/member-invitations/accept', { token: token2, displayName: 'Admin 2', password: PASSWORD });
    expect(joined.body.user.orgRole).toBe('admin');
    expect((await admin.http.delete(`/api/v1/organization/invitations/${second.body.invitation.id}`)).body).toMatchObject({ error: { code: 'invitation_used' } });
    expect((await admin.http.post(`/api/v1/organization/invitations/${second.body.invitation.id}/resend`)).body).toMatchObject({ error: { code: 'invitation_used' } });
  });

  it("only the organization's admins manage its invitations; another organization gets 404", async () => {
    const admin = await f.registerOrganization();
    const member = await f.addMember(admin);
    const other = await f.registerOrganization();
    const { body } = await invite(admin, address());
    expect((await invite(member, address())).body).toMatchObject({ error: { code: 'admin_only' } });
    expect((await member.http.get('/api/v1/organization/invitations')).status).toBe(403);
    expect((await member.http.get('/api/v1/organization/events')).status).toBe(403);
    expect((await other.http.delete(`/api/v1/organization/invitations/${body.invitation.id}`)).status).toBe(404);
    expect((await other.http.post(`/api/v1/organization/invitations/${body.invitation.id}/resend`)).status).toBe(404);
    expect((await other.http.get<{ invitations: Invitation[] }>('/api/v1/organization/invitations')).body.invitations).toEqual([]);
    expect((await anon().post('/api/v1/organization/invitations', { email: address() })).status).toBe(401);
  });

  it('refuses an address that already has an account or a pending invitation, and bad input with 400', async () => {
    const admin = await f.registerOrganization();
    const existing = await f.addMember(admin);
    expect((await invite(admin, existing.email)).body).toMatchObject({ error: { code: 'email_taken' } });
    const email = address();
    expect((await invite(admin, email)).status).toBe(201);
    expect((await invite(admin, email.toUpperCase())).body).toMatchObject({ error: { code: 'member_invitation_pending' } });
    expect((await admin.http.post('/api/v1/organization/invitations', { email: 'not an e-mail' })).status).toBe(400);
    const token = tokenOf(await mailTo(email));
    expect((await anon().post('/api/v1/member-invitations/accept', { token, displayName: 'Short', password: 'short' })).status).toBe(400);
    expect((await anon().post('/api/v1/member-invitations/preview', { token: 'x'.repeat(43) })).status).toBe(404);
  });
});
