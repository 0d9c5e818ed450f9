import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useDevMailbox } from '../../api/me/queries.ts';
import { Empty, ErrorMessage, Loading } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLocation } from '../../router.tsx';
import './inbox.css';

/** Links in a plain-text message, made clickable; everything else stays text (the HTML part is never injected). */
const Linked = ({ text }: { text: string }) => (
  <>
    {text.split(/(https?:\/\/[^\s<>"）]+)/g).map((part, i) =>
      /^https?:\/\//.test(part) ? (
        <a key={i} href={part}>
          {part}
        </a>
      ) : (
        part
      ),
    )}
  </>
);

/**
 * 開発用メールボックス (/dev/mailbox): what the app would have e-mailed when no SMTP server is
 * configured — so the embedded demo follows an invitation or a digest without a mail server.
 * Public like the API route behind it: an invitee has no account yet.
 */
export const DevMailboxPage = () => {
  const { t, fmtDateTime } = useI18n();
  const { search } = useLocation();
  const [to, setTo] = useState(search.get('to') ?? '');
  const q = useDevMailbox(to.trim());
  const unavailable = isApiError(q.error) && q.error.status === 404;
  return (
    <div className="page page-narrow">
      <h1>{t('mailbox.title')}</h1>
      <p className="muted">{t('mailbox.lead')}</p>
      <Field label={t('mailbox.to')}>{(id) => <input id={id} type="email" value={to} maxLength={320} onChange={(e) => setTo(e.target.value)} />}</Field>
      {q.isPending ? (
        <Loading />
      ) : unavailable ? (
        <div className="alert alert-warn">{t('mailbox.unavailable')}</div>
      ) : q.error ? (
        <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data?.messages.length ? (
        <ul className="mailbox-list">
          {q.data.messages.map((m) => (
            <li key={m.id} className="card mailbox-message" data-testid="mail">
              <div className="mailbox-head">
                <strong>{m.subject}</strong>
                <span className="muted small">
                  {m.to} · {fmtDateTime(m.createdAt)} · {m.template}
                </span>
              </div>
              <pre className="mailbox-text">
                <Linked text={m.text} />
              </pre>
            </li>
          ))}
        </ul>
      ) : (
        <Empty title={t('mailbox.empty')} />
      )}
    </div>
  );
};
