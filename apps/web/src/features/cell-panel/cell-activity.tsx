import { useState, type FormEvent } from 'react';
import { LIMITS } from '@bunkai/domain';
import { useAddComment } from '../../api/cells/mutations.ts';
import { useGetCellHistory, useListComments } from '../../api/cells/queries.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { lettersOf } from '../matrix/matrix-model.ts';
import { reviewChangeText } from './history-text.ts';

export const CellComments = ({ cellId, canWrite }: { cellId: string; canWrite: boolean }) => {
  const { t, fmtDateTime } = useI18n();
  const eng = useEngagement();
  const q = useListComments(cellId);
  const add = useAddComment(eng.engagement.id);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) add.mutate({ cellId, body: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <section className="panel-section" aria-labelledby="sec-comments">
      <h3 id="sec-comments">
        {t('panel.comments')} {q.data ? <span className="count">{q.data.comments.length}</span> : null}
      </h3>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : q.data && q.data.comments.length ? (
        <ol className="comments">
          {q.data.comments.map((c) => (
            <li key={c.id}>
              <div className="comment-meta">
                <strong>{eng.partyName(c.partyId)}</strong> <time dateTime={c.createdAt}>{fmtDateTime(c.createdAt)}</time>
              </div>
              <div className="comment-body">{c.body}</div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('panel.noComments')}</p>
      )}
      {canWrite ? (
        <form className="comment-form" onSubmit={submit}>
          <label className="sr-only" htmlFor={`comment-${cellId}`}>
            {t('panel.addComment')}
          </label>
          <textarea id={`comment-${cellId}`} rows={2} maxLength={LIMITS.text} placeholder={t('panel.addComment')} value={text} onChange={(e) => setText(e.target.value)} />
          <ErrorMessage error={add.error} />
          <button type="submit" className="btn btn-small" disabled={add.isPending || !text.trim()}>
            {t('panel.postComment')}
          </button>
        </form>
      ) : null}
    </section>
  );
};

/** Proposals with their responses and review changes, newest first. */
export const CellHistory = ({ cellId }: { cellId: string }) => {
  const { t, fmtDate, fmtDateTime } = useI18n();
  const eng = useEngagement();
  const [open, setOpen] = useState(false);
  const q = useGetCellHistory(cellId, open);
  type Item = { at: string; key: string; node: React.ReactNode };
  const items: Item[] = [];
  for (const p of q.data?.proposals ?? []) {
    const letters = eng.parties
      .map((party) => ({ party, l: lettersOf(p.assignment, party.id) }))
      .filter((x) => x.l.length)
      .map((x) => `${x.party.displayName} ${x.l.join('')}`)
      .join(' / ');
    items.push({
      at: p.createdAt,
      key: p.id,
      node: (
        <>
          <strong>{p.suggested ? t('panel.suggested') : t('panel.proposedBy', { party: eng.partyName(p.proposerPartyId) })}</strong> <span className={`badge badge-prop-${p.status}`}>{t(`panel.proposalStatus.${p.status}`)}</span>
          <div className="history-letters">{letters}</div>
          {p.reason && !p.suggested ? <div className="muted">{p.reason}</div> : null}
        </>
      ),
    });
    for (const r of p.responses)
      items.push({
        at: r.at,
        key: `${p.id}:${r.partyId}:${r.at}`,
        node: (
          <>
            <strong>{eng.partyName(r.partyId)}</strong> {r.response === 'accept' ? `✓ ${t('panel.accept')}` : `× ${t('panel.reject')}`}
            {r.reason ? <div className="muted">{r.reason}</div> : null}
          </>
        ),
      });
  }
  for (const r of q.data?.reviewChanges ?? [])
    items.push({
      at: r.at,
      key: `review:${r.seq}`,
      node: (
        <>
          <strong>{eng.partyName(r.actorPartyId)}</strong> {t('panel.kickoff')}: {reviewChangeText(r.changes, t, fmtDate)}
        </>
      ),
    });
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <section className="panel-section">
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h3 className="inline-h">{t('panel.history')}</h3>
        </summary>
        {q.isPending && open ? (
          <Loading />
        ) : q.error ? (
          <ErrorMessage error={q.error} />
        ) : items.length ? (
          <ol className="history">
            {items.map((i) => (
              <li key={i.key}>
                <time dateTime={i.at}>{fmtDateTime(i.at)}</time>
                <div>{i.node}</div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('panel.noHistory')}</p>
        )}
      </details>
    </section>
  );
};
