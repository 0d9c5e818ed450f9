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
};
export type MailTemplateName = keyof MailTemplates;

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const day = (isoDate: string) => isoDate.slice(0, 10);

/** A minimal, client-safe HTML body: paragraphs and one call-to-action link. */
const htmlBody = (paragraphs: string[], link: { label: string; url: string }, footer: string) =>
  [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

const textBody = (paragraphs: string[], link: { label: string; url: string }, footer: string) =>
  [...paragraphs, '', `${link.label}: ${link.url}`, '', '--', footer, ''].join('\n');

type Renderer<T> = Record<MailLang, (d: T) => { subject: string; paragraphs: string[]; link: { label: string; url: string }; footer: string }>;

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

const RENDERERS: { [K in MailTemplateName]: Renderer<MailTemplates[K]> } = { invitation };

/** Subject, plain text and HTML of one message in one language (Japanese unless the recipient reads English). */
export const renderMail = <K extends MailTemplateName>(template: K, lang: MailLang, data: MailTemplates[K]): RenderedMail => {
  const r = (RENDERERS[template] as Renderer<MailTemplates[K]>)[lang](data);
  return { subject: r.subject, text: textBody(r.paragraphs, r.link, r.footer), html: htmlBody(r.paragraphs, r.link, r.footer) };
};
