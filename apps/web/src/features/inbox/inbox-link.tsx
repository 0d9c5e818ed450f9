import { useInboxCounts } from '../../api/me/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

/**
 * 受信箱 in the header with the count of what waits (the counts alone, never the items). Its own module so the header does not pull the inbox
 * page into the first load; the accessible name starts with the visible text (axe label-content-name-mismatch).
 */
export const InboxLink = ({ current }: { current: boolean }) => {
  const { t } = useI18n();
  const q = useInboxCounts();
  const n = q.data?.total ?? 0;
  return (
    <Link to="/inbox" aria-current={current ? 'page' : undefined} data-testid="inbox-link">
      {t('nav.inbox')}
      {q.data ? (
        <>
          <span className="sr-only">{t('inbox.headerCountRest', { n })}</span>
          <span className={`badge badge-count${n > 0 ? ' is-attention' : ''}`} data-testid="inbox-count" aria-hidden="true">
            {n}
          </span>
        </>
      ) : null}
    </Link>
  );
};
