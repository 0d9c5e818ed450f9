import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { listNotificationsOf } from '@bunkai/db';
import type { TMatrixCell, TPreferences } from '@bunkai/domain';
import { manualClock } from '../../src/platform/clock.ts';
import { createWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { waitFor } from '../jobs/wait.ts';
import { type SmtpReceiver, startSmtp } from '../mail/smtp-receiver.ts';

const clock = manualClock('2026-12-07T09:00:10Z');
const PUBLIC_URL = 'https://bunkai.example.jp';
let smtp: SmtpReceiver;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Bunkai <noreply@bunkai.test>', JOBS_POLL_MS: '20', PUBLIC_URL }, { clock });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Hospital; EHR vendor A社 (R); network vendor B社 (I); VPN owner C社 (not named); an observer. */
const world = async () => {
  const w = await createWorld(t.app, {
    roles: ['owner', 'vendor', 'otherVendor', 'observer'],
    vendor: { partyName: 'A社' },
    otherVendor: { partyName: 'B社' },
    extraVendors: [{ role: 'vpn_owner', partyName: 'C社' }],
  });
  await w.f.addDuties(w.owner, w.eid, ['GOV-01', 'GOV-05']);
  const cells = (await w.f.matrix(w.owner, w.eid)).cells as [TMatrixCell, TMatrixCell];
  return { ...w, cells, vpn: w.vendors.vpn_owner! };
};
type W = Awaited<ReturnType<typeof world>>;
const userOf = (m: W['owner']) => m.session.user.id;
const filed = (m: W['owner']) => listNotificationsOf(t.database.db, userOf(m));
const mailsTo = (m: W['owner'], subject: RegExp) => smtp.messages.filter((x: ParsedMail) => x.to && !Array.isArray(x.to) && x.to.text === m.email && subject.test(x.subject ?? ''));
const prefs = (m: W['owner'], body: Partial<TPreferences>) => m.http.patch<{ preferences: TPreferences }>('/api/v1/me/preferences', body);
/** Lets the dispatcher file what the log holds: wake the worker until the cursor caught up. */
const settle = async () => {
  t.app.jobs.wake();
  await t.app.jobs.drain();
};

describe('notifications (通知) over a real SMTP server', () => {
  it('a proposal notifies exactly the parties that must accept, C/I only when opted in, nobody uninvolved; one digest batches several events and links to each cell', async () => {
    const w = await world();
    const [c1, c2] = w.cells;
    expect((await prefs(w.otherVendor, { notifyInformational: true })).body.preferences).toMatchObject({ digest: 'immediate', notifyInformational: true, lang: 'ja' });
    const split = { [w.hospitalPartyId]: ['A' as const], [w.vendorPartyId!]: ['R' as const], [w.otherVendorPartyId!]: ['I' as const] };
    await w.f.propose(w.owner, c1, { assignment: split });
    await w.f.propose(w.owner, c2, { assignment: split });
    await settle();

    expect((await filed(w.vendor)).map((n) => [n.kind, n.cellId, n.informational])).toEqual([
      ['proposal.created', c1.id, false],
      ['proposal.created', c2.id, false],
    ]);
    expect((await filed(w.otherVendor)).map((n) => n.informational)).toEqual([true, true]);
    expect(await filed(w.vpn.admin)).toEqual([]);
    expect(await filed(w.observer)).toEqual([]);
    expect(await filed(w.owner)).toEqual([]);

    // The digest waits for the end of its minute, then one message carries both.
    clock.advance(60_000);
    t.app.jobs.wake();
    const [digest] = await waitFor('the vendor digest', () => {
      const got = mailsTo(w.vendor, /お知らせ/);
      return got.length ? got : undefined;
    });
    expect(digest!.subject).toBe('【Bunkai】2件のお知らせ');
    for (const c of [c1, c2]) {
      expect(digest!.text).toContain(`${PUBLIC_URL}/engagements/${w.eid}/matrix?cell=${c.id}`);
      expect(digest!.html).toContain(`href="${PUBLIC_URL}/engagements/${w.eid}/matrix?cell=${c.id}"`);
    }
    expect(digest!.text).toContain('承諾または却下をお願いします');
    expect(digest!.text).toContain(`${PUBLIC_URL}/account`);
    await waitFor('the informational digest', () => mailsTo(w.otherVendor, /お知らせ/).length === 1);
    expect(mailsTo(w.otherVendor, /お知らせ/)[0]!.text).toContain('（報告）');
    expect(mailsTo(w.vpn.admin, /お知らせ/)).toEqual([]);
    expect((await filed(w.vendor)).every((n) => n.mailedAt !== null)).toBe(true);

    // The unsubscribe link works without signing in; afterwards nothing is filed for that user.
    const link = /\/unsubscribe\?user=([0-9a-f-]+)&token=([0-9a-f]{64})/.exec(digest!.text!)!;
    expect(link[1]).toBe(userOf(w.vendor));
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/unsubscribe', payload: { userId: link[1], token: '0'.repeat(64) } });
    expect(bad.statusCode).toBe(403);
    const un = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/unsubscribe', payload: { userId: link[1], token: link[2] } });
    expect(un.statusCode).toBe(200);
    expect(un.json()).toMatchObject({ preferences: { digest: 'none' } });
    const reject = (await w.f.matrix(w.owner, w.eid)).cells.find((c) => c.id === c1.id)!;
    await w.f.reject(w.vendor, reject.openProposal!.id, '夜間対応の体制がありません');
    await w.f.comment(w.owner, c1.id, '@C社 ご確認ください');
    await settle();
    expect(await filed(w.vendor)).toHaveLength(2);
    // The rejection asks the hospital (the proposer) to act, with the reason; the comment mentions C社, who is told.
    expect((await filed(w.owner)).map((n) => [n.kind, n.summary.includes('夜間対応の体制がありません')])).toEqual([['proposal.rejected', true]]);
    expect((await filed(w.vpn.admin)).map((n) => n.kind)).toEqual(['comment.created']);
  });

  it('writes in the reader’s language and batches hourly when asked', async () => {
    const w = await world();
    expect((await prefs(w.vendor, { digest: 'hourly', lang: 'en' })).status).toBe(200);
    expect((await prefs(w.vendor, { digest: 'weekly' } as never)).status).toBe(400);
    expect((await w.vendor.http.get<{ preferences: TPreferences }>('/api/v1/me/preferences')).body.preferences).toMatchObject({ digest: 'hourly', lang: 'en' });
    clock.set('2026-12-07T10:05:00Z');
    await w.f.propose(w.owner, w.cells[0], { assignment: { [w.hospitalPartyId]: ['A'], [w.vendorPartyId!]: ['R'] } });
    await settle();
    clock.advance(60_000);
    await settle();
    expect(mailsTo(w.vendor, /update/)).toEqual([]);
    clock.set('2026-12-07T11:00:00Z');
    t.app.jobs.wake();
    const m = await waitFor('the hourly digest', () => mailsTo(w.vendor, /update/)[0]);
    expect(m.subject).toBe('[Bunkai] 1 update');
    expect(m.text).toContain('please accept or reject');
  });
});
