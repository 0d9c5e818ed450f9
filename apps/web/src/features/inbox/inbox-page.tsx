import type { TInboxItem } from '@bunkai/domain';
import { useInbox } from '../../api/me/inbox-pages.ts';
import { Empty, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import './inbox.css';

const Item = ({ item }: { item: TInboxItem }) => {
  const { t, loc, fmtDate, fmtDateTime } = useI18n();
  return (
    <li className={`inbox-item${item.overdue ? ' is-overdue' : ''}`} data-kind={item.kind}>
      <span className={`badge inbox-kind inbox-kind-${item.kind}`}>{t(`inbox.kind.${item.kind}`)}</span>
      <span className="inbox-detail">
        {item.subject ? (
          <span className="inbox-subject">
            <span className="mx-code">{item.subject.code}</span> {loc(item.subject.title)}
            {item.subject.assetName ? <span className="muted"> · {item.subject.assetName}</span> : null}
          </span>
        ) : null}
        {item.dueOn ? <span className={item.overdue ? 'inbox-due is-bad' : 'inbox-due'}>{item.overdue ? `${t('inbox.overdue')} · ` : ''}{t('inbox.due', { date: fmtDate(item.dueOn) })}</span> : null}
        {item.comments > 0 ? <span className="muted">{t('inbox.comments', { n: item.comments })}</span> : null}
        {item.since ? <span className="muted small">{fmtDateTime(item.since)}</span> : null}
      </span>
      <Link to={item.path} className="btn btn-small">
        {t('inbox.open')}
      </Link>
    </li>
  );
};

/** 受信箱: what waits for the caller's parties, grouped by engagement, each item linking to the exact cell or revision; a page at a time. */
export const InboxPage = () => {
  const { t } = useI18n();
  const q = useInbox();
  const first = q.data?.pages[0];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.subtitle')}</p>
        </div>
      </div>
      <QueryState query={q}>
        {() =>
          first && first.total > 0 ? (
            <div className="stack">
              {first.engagements
                .filter((e) => e.total > 0 && items.some((i) => i.engagementId === e.engagementId && i.partyId === e.partyId))
                .map((e) => (
                  <section key={`${e.engagementId}:${e.partyId}`} className="card inbox-group" aria-label={e.title}>
                    <h2>
                      <Link to={`/engagements/${e.engagementId}`}>{e.title}</Link> <span className="badge badge-count">{e.total}</span>
                    </h2>
                    <ul className="inbox-list">
                      {items
                        .filter((i) => i.engagementId === e.engagementId && i.partyId === e.partyId)
                        .map((i) => (
                          <Item key={`${i.kind}:${i.cellId ?? i.revisionId ?? ''}:${i.proposalId ?? ''}`} item={i} />
                        ))}
                    </ul>
                  </section>
                ))}
              {q.hasNextPage ? (
                <button type="button" className="btn" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                  {t('inbox.more', { n: first.total - items.length })}
                </button>
              ) : null}
            </div>
          ) : (
            <Empty title={t('inbox.empty')} />
          )
        }
      </QueryState>
    </div>
  );
};
