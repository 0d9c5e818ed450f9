export const MAIL_LANGS = ['ja', 'en'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

/** What each template needs; callers pass plain values, the template escapes them for HTML. */
export type MailTemplates = {
  /** 招待: an organization is invited to become a party (当事者) of an engagement. */
  invitation: {
    engagementTitle: string;
    partyName: string;
    inviterName: string;
    inviterOrganization: string;
    acceptUrl: string;
    /** ISO-8601; shown as a date. */
    expiresAt: string;
  };
  /** メンバー招待: a person is invited to join an organization; they set their own password from the link. */
  memberInvitation: {
    organizationName: string;
    inviterName: string;
    orgRole: 'admin' | 'member';
    joinUrl: string;
    /** ISO-8601; shown as a date. */
    expiresAt: string;
  };
  /** セキュリティ通知: a recovery code was used, or the authenticator replaced, on the recipient's own account. */
  securityNotice: {
    kind: SecurityNoticeKind;
    /** ISO-8601; shown in Japan time. */
    at: string;
    accountUrl: string;
  };
  /** 通知まとめ: what happened and what waits, one line per notification, each linking to its cell. */
  digest: {
    items: { engagementTitle: string; summary: string; url: string }[];
    inboxUrl: string;
    preferencesUrl: string;
    unsubscribeUrl: string;
  };
};
export type MailTemplateName = keyof MailTemplates;
export const SECURITY_NOTICE_KINDS = ['recovery_code_sign_in', 'recovery_code_signing', 'totp_reset_started', 'totp_replaced'] as const;
export type SecurityNoticeKind = (typeof SECURITY_NOTICE_KINDS)[number];

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const day = (isoDate: string) => isoDate.slice(0, 10);

type Link = { label: string; url: string };

/** A minimal, client-safe HTML body: paragraphs, optional linked lines, one call-to-action link. */
const htmlBody = (paragraphs: string[], link: Link, footer: string, items: Link[] = []) =>
  [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(items.length ? ['<ul>', ...items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.label)}</a></li>`), '</ul>'] : []),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

const textBody = (paragraphs: string[], link: Link, footer: string, items: Link[] = []) =>
  [...paragraphs, ...(items.length ? ['', ...items.flatMap((i) => [`・${i.label}`, `  ${i.url}`])] : []), '', `${link.label}: ${link.url}`, '', '--', footer, ''].join('\n');

type Renderer<T> = Record<MailLang, (d: T) => { subject: string; paragraphs: string[]; link: Link; footer: string; items?: Link[] }>;

const invitation: Renderer<MailTemplates['invitation']> = {
  ja: (d) => ({
    subject: `【Bunkai】${d.engagementTitle} への招待`,
    paragraphs: [
      `${d.inviterOrganization} の ${d.inviterName} さんから、責任分界の協議「${d.engagementTitle}」に「${d.partyName}」として参加するよう招待されました。`,
      `下のリンクから招待を承諾してください。リンクは ${day(d.expiresAt)} まで、一度だけ有効です。`,
    ],
    link: { label: '招待を承諾する', url: d.acceptUrl },
    footer: 'このメールは Bunkai から自動送信されています。心当たりがない場合は破棄してください。',
  }),
  en: (d) => ({
    subject: `[Bunkai] Invitation to ${d.engagementTitle}`,
    paragraphs: [
      `${d.inviterName} (${d.inviterOrganization}) invited you to join the responsibility-split negotiation "${d.engagementTitle}" as "${d.partyName}".`,
      `Accept the invitation with the link below. It works once and expires on ${day(d.expiresAt)}.`,
    ],
    link: { label: 'Accept the invitation', url: d.acceptUrl },
    footer: 'This message was sent automatically by Bunkai. If you did not expect it, you can ignore it.',
  }),
};

const memberInvitation: Renderer<MailTemplates['memberInvitation']> = {
  ja: (d) => ({
    subject: `【Bunkai】${d.organizationName} へのメンバー招待`,
    paragraphs: [
      `${d.organizationName} の ${d.inviterName} さんから、Bunkai の${d.orgRole === 'admin' ? '管理者' : 'メンバー'}として招待されました。`,
      `下のリンクから、お名前とパスワードを設定してください。リンクは ${day(d.expiresAt)} まで、一度だけ有効です。`,
    ],
    link: { label: 'パスワードを設定して参加する', url: d.joinUrl },
    footer: 'このメールは Bunkai から自動送信されています。心当たりがない場合は破棄してください。',
  }),
  en: (d) => ({
    subject: `[Bunkai] Join ${d.organizationName}`,
    paragraphs: [
      `${d.inviterName} invited you to join ${d.organizationName} on Bunkai as ${d.orgRole === 'admin' ? 'an administrator' : 'a member'}.`,
      `Choose your name and password with the link below. It works once and expires on ${day(d.expiresAt)}.`,
    ],
    link: { label: 'Set your password and join', url: d.joinUrl },
    footer: 'This message was sent automatically by Bunkai. If you did not expect it, you can ignore it.',
  }),
};

/** 2026-12-07 09:00 (JST): the time a person in Japan reads, whatever the server's zone. */
const jst = (iso: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (JST)`;
};

const NOTICE_JA: Record<SecurityNoticeKind, string> = {
  recovery_code_sign_in: '回復コードを使ってログインしました。',
  recovery_code_signing: '回復コードを使って版に署名しました。',
  totp_reset_started: 'パスワードと回復コードで、認証アプリの再設定が始まりました。',
  totp_replaced: '認証アプリが新しいものに置き換えられ、回復コードが再発行されました。',
};
const NOTICE_EN: Record<SecurityNoticeKind, string> = {
  recovery_code_sign_in: 'A recovery code was used to sign in.',
  recovery_code_signing: 'A recovery code was used to sign a revision.',
  totp_reset_started: 'A reset of your authenticator app was started with your password and a recovery code.',
  totp_replaced: 'Your authenticator app was replaced and new recovery codes were issued.',
};

const securityNotice: Renderer<MailTemplates['securityNotice']> = {
  ja: (d) => ({
    subject: '【Bunkai】アカウントのセキュリティ通知',
    paragraphs: [
      `${jst(d.at)}、あなたの Bunkai アカウントで次の操作がありました: ${NOTICE_JA[d.kind]}`,
      'ご自身の操作であれば対応は不要です。心当たりがない場合は、すぐにパスワードを変更し、組織の管理者に連絡してください。',
    ],
    link: { label: 'アカウント設定を開く', url: d.accountUrl },
    footer: 'このメールは Bunkai から自動送信されています（二要素認証に関わる操作は必ず通知されます）。',
  }),
  en: (d) => ({
    subject: '[Bunkai] Security notice for your account',
    paragraphs: [
      `On ${jst(d.at)}, on your Bunkai account: ${NOTICE_EN[d.kind]}`,
      'If this was you, nothing needs doing. If not, change your password now and tell your organization administrator.',
    ],
    link: { label: 'Open your account settings', url: d.accountUrl },
    footer: 'This message was sent automatically by Bunkai (every change to two-factor sign-in is notified).',
  }),
};

const line = (i: MailTemplates['digest']['items'][number]) => ({ label: `［${i.engagementTitle}］${i.summary}`, url: i.url });

const digest: Renderer<MailTemplates['digest']> = {
  ja: (d) => ({
    subject: `【Bunkai】${d.items.length}件のお知らせ`,
    paragraphs: ['責任分界の協議で、次の動きがありました。各行のリンクから該当する分担を開けます。'],
    items: d.items.map(line),
    link: { label: '受信箱を開く', url: d.inboxUrl },
    footer: `通知の頻度（すぐに／1時間ごと／1日1回）と言語は設定で変えられます: ${d.preferencesUrl}\nメール通知を停止する: ${d.unsubscribeUrl}`,
  }),
  en: (d) => ({
    subject: `[Bunkai] ${d.items.length} update${d.items.length === 1 ? '' : 's'}`,
    paragraphs: ['Here is what happened in your responsibility-split negotiations. Each line links to its cell.'],
    items: d.items.map(line),
    link: { label: 'Open your inbox', url: d.inboxUrl },
    footer: `Choose how often you hear from us (immediately, hourly, daily) and the language: ${d.preferencesUrl}\nStop these e-mails: ${d.unsubscribeUrl}`,
  }),
};

const RENDERERS: { [K in MailTemplateName]: Renderer<MailTemplates[K]> } = { invitation, memberInvitation, securityNotice, digest };

/** Subject, plain text and HTML of one message in one language (Japanese unless the recipient reads English). */
export const renderMail = <K extends MailTemplateName>(template: K, lang: MailLang, data: MailTemplates[K]): RenderedMail => {
  const r = (RENDERERS[template] as Renderer<MailTemplates[K]>)[lang](data);
  return { subject: r.subject, text: textBody(r.paragraphs, r.link, r.footer, r.items), html: htmlBody(r.paragraphs, r.link, r.footer, r.items) };
};
